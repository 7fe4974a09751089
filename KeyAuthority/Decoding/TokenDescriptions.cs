using System.Text.RegularExpressions;
using SmsVending.Contracts.Tokens.Sts;

namespace SmsVending.KeyAuthority.Decoding;

/// <summary>STS classes and subclasses in words for call-centre staff, and the unit of the amount they carry.</summary>
internal static partial class TokenDescriptions
{
    private static readonly int[] KeyChangeSubclasses = [3, 4, 8, 9];

    /// <summary>"credit: electricity", "management: set maximum power limit", "key change section 2", "meter test / display".</summary>
    public static string Describe(int tokenClass, int subclass) => tokenClass switch
    {
        TokenClass.Credit when Enum.IsDefined((CreditKind)subclass) => "credit: " + Words(((CreditKind)subclass).ToString()),
        TokenClass.Test => "meter test / display",
        TokenClass.Management when Array.IndexOf(KeyChangeSubclasses, subclass) is >= 0 and var section => $"key change section {section + 1}",
        TokenClass.Management when Enum.IsDefined((ManagementFunction)subclass) => "management: " + Words(((ManagementFunction)subclass).ToString()),
        _ => $"class {tokenClass} subclass {subclass}",
    };

    /// <summary>The unit of a token's amount; null when it carries none (or a raw register value).</summary>
    public static string? Unit(int tokenClass, int subclass) => (tokenClass, subclass) switch
    {
        (TokenClass.Credit, (int)CreditKind.Electricity) => "kWh",
        (TokenClass.Credit, (int)CreditKind.Water or (int)CreditKind.Gas) => "m³",
        (TokenClass.Credit, (int)CreditKind.Time) => "time units",
        (TokenClass.Credit, >= (int)CreditKind.ElectricityCurrency and <= (int)CreditKind.TimeCurrency) => "currency units",
        (TokenClass.Management, _) when TokenClass.UsesAmountEncoding((ManagementFunction)subclass) => "W",
        _ => null,
    };

    private static string Words(string name) => CapitalStart().Replace(name, " $0").Trim().ToLowerInvariant();

    [GeneratedRegex("[A-Z]")]
    private static partial Regex CapitalStart();
}
