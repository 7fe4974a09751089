namespace SmsVending.Vending.Ledger;

/// <summary>The ledger's accounts. A posting moves money from one account to another. A customer's wallet and a meter's debt also
/// keep a running balance, changed in the same write as each of their entries; the house accounts' balances are sums of entries.</summary>
public static class LedgerAccounts
{
    /// <summary>Money received from the mobile-money provider and not yet settled (goes negative as customers pay in).</summary>
    public const string MobileMoney = "clearing:mobile-money";

    /// <summary>Energy sold, before VAT.</summary>
    public const string Energy = "revenue:energy";

    /// <summary>VAT collected, owed to the tax authority.</summary>
    public const string Vat = "liability:vat";

    /// <summary>Fixed monthly charges collected.</summary>
    public const string FixedCharges = "revenue:fixed-charges";

    /// <summary>Arrears recognised when a meter's debt is recorded.</summary>
    public const string Arrears = "revenue:arrears";

    /// <summary>Payments that match no meter owner, held until staff resolve them.</summary>
    public const string Suspense = "suspense:payments";

    /// <summary>A customer's prepaid wallet (what we owe the customer).</summary>
    public static string Wallet(string customerId) => WalletPrefix + customerId;

    /// <summary>A meter's outstanding debt (negative while it is owed to us).</summary>
    public static string Debt(string meterNumber) => DebtPrefix + meterNumber;

    /// <summary>Whether an account keeps a running balance: a wallet or a debt, read by every purchase. A house account does not: it
    /// takes an entry in every purchase, so a row of its own would be a lock every purchase waits for on PostgreSQL.</summary>
    public static bool HasRunningBalance(string account) =>
        account.StartsWith(WalletPrefix, StringComparison.Ordinal) || account.StartsWith(DebtPrefix, StringComparison.Ordinal);

    /// <summary>SQL that is true for the accounts <see cref="HasRunningBalance"/> names, in the <c>account</c> column.</summary>
    internal const string RunningBalanceSql = $"(account LIKE '{WalletPrefix}%' OR account LIKE '{DebtPrefix}%')";

    internal const string WalletPrefix = "wallet:";

    private const string DebtPrefix = "debt:";
}
