using PhoneNumbers;

namespace SmsVending.Infrastructure.Phones;

/// <summary>Phone numbers in E.164, the one form stored and compared (libphonenumber).</summary>
public static class Phones
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>E.164 for a number written in any common way; national numbers are read in the default region.</summary>
    public static bool TryNormalise(string? text, string defaultRegion, out string e164, out string error)
    {
        e164 = "";
        error = "";
        try
        {
            var number = Util.Parse(text ?? "", defaultRegion);
            if (!Util.IsValidNumber(number))
            {
                error = $"{text} is not a valid phone number";
                return false;
            }

            e164 = Util.Format(number, PhoneNumberFormat.E164);
            return true;
        }
        catch (NumberParseException e)
        {
            error = $"{text} is not a phone number ({e.Message})";
            return false;
        }
    }

    /// <summary>E.164, or an <see cref="ArgumentException"/> saying what is wrong.</summary>
    public static string Normalise(string text, string defaultRegion) =>
        TryNormalise(text, defaultRegion, out var e164, out var error) ? e164 : throw new ArgumentException(error);

    /// <summary>For logs: the last three digits only.</summary>
    public static string Masked(string e164) => e164.Length > 4 ? new string('*', e164.Length - 3) + e164[^3..] : "***";
}
