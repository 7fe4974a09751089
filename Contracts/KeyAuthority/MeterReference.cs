using SmsVending.Contracts.Refusals;
using SmsVending.Contracts.Tokens.Sts;

namespace SmsVending.Contracts.KeyAuthority;

/// <summary>How a meter is named between services: an STS meter number's digits, or an OpenPAYGO device's serial as written.</summary>
public static class MeterReference
{
    /// <summary>STS meter numbers may arrive with spaces or dashes; anything else is taken as a device serial, trimmed.</summary>
    public static string Normalised(string text) =>
        MeterNumber.TryParse(text, out var meter, out _) ? meter.Digits : text.Trim();

    /// <summary>Why no meter matched, in words a customer can act on: a check-digit hint when the number is mistyped.</summary>
    public static string UnknownMessage(string text) => Unknown(text).Message;

    /// <summary>The refusal for a meter that matched none: not found, or invalid when the number is mistyped (with the check-digit hint).</summary>
    public static RefusedException Unknown(string text) =>
        MeterNumber.TryParse(text, out _, out var error) || text.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '-'))
            ? new(RefusalKind.NotFound, $"no meter {text.Trim()} is registered")
            : new(RefusalKind.Invalid, error);

    /// <summary>A meter number as stored for its token profile: an STS number's digits (check digit verified), or a device serial
    /// of 1 to 32 letters, digits or dashes; otherwise <paramref name="error"/> says what is wrong.</summary>
    public static bool TryNormalise(string text, TokenProfile profile, out string meterNumber, out string error)
    {
        if (profile == TokenProfile.Sts)
        {
            var ok = MeterNumber.TryParse(text, out var meter, out error);
            meterNumber = ok ? meter.Digits : "";
            return ok;
        }

        meterNumber = text.Trim();
        error = meterNumber.Length is 0 or > 32 || !meterNumber.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? "a device serial number has 1 to 32 letters, digits or dashes"
            : "";
        return error.Length == 0;
    }
}
