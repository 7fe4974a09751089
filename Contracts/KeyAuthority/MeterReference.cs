using SmsVending.Contracts.Tokens.Sts;

namespace SmsVending.Contracts.KeyAuthority;

/// <summary>How a meter is named between services: an STS meter number's digits, or an OpenPAYGO device's serial as written.</summary>
public static class MeterReference
{
    /// <summary>STS meter numbers may arrive with spaces or dashes; anything else is taken as a device serial, trimmed.</summary>
    public static string Normalised(string text) =>
        MeterNumber.TryParse(text, out var meter, out _) ? meter.Digits : text.Trim();

    /// <summary>Why no meter matched, in words a customer can act on: a check-digit hint when the number is mistyped.</summary>
    public static string UnknownMessage(string text) =>
        MeterNumber.TryParse(text, out _, out var error) || text.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '-'))
            ? $"no meter {text.Trim()} is registered"
            : error;
}
