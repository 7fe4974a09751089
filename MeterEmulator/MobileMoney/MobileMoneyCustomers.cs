using System.Collections.Concurrent;

namespace SmsVending.MeterEmulator.MobileMoney;

/// <summary>The customers' behaviour on an STK prompt and their wallets, by phone (with or without the leading +); every
/// setting may change while the provider runs.</summary>
public sealed class MobileMoneyCustomers
{
    private readonly ConcurrentDictionary<string, CustomerBehaviour> behaviours = new();
    private readonly ConcurrentDictionary<string, decimal> wallets = new();
    private volatile CustomerBehaviour defaultBehaviour = CustomerBehaviour.Pays;
    private decimal openingBalance = 100_000m;

    /// <summary>What a customer without an explicit behaviour does.</summary>
    public CustomerBehaviour DefaultBehaviour
    {
        get => defaultBehaviour;
        set => defaultBehaviour = value;
    }

    /// <summary>The balance a wallet starts with the first time it is used.</summary>
    public decimal OpeningBalance
    {
        get { lock (wallets) { return openingBalance; } }
        set { lock (wallets) { openingBalance = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "a balance is not negative"); } }
    }

    /// <summary>Sets what this phone's owner does on an STK prompt.</summary>
    public void Set(string phone, CustomerBehaviour behaviour) => behaviours[Key(phone)] = behaviour;

    /// <summary>What this phone's owner does on an STK prompt.</summary>
    public CustomerBehaviour BehaviourOf(string phone) => behaviours.TryGetValue(Key(phone), out var behaviour) ? behaviour : DefaultBehaviour;

    /// <summary>Sets the wallet's balance.</summary>
    public void SetBalance(string phone, decimal balance)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(balance);
        lock (wallets)
        {
            wallets[Key(phone)] = balance;
        }
    }

    /// <summary>The wallet's balance.</summary>
    public decimal BalanceOf(string phone)
    {
        lock (wallets)
        {
            return wallets.TryGetValue(Key(phone), out var balance) ? balance : openingBalance;
        }
    }

    /// <summary>Takes the amount from the wallet if it holds enough.</summary>
    internal bool TryDebit(string phone, decimal amount)
    {
        lock (wallets)
        {
            var balance = wallets.TryGetValue(Key(phone), out var held) ? held : openingBalance;
            if (balance < amount)
            {
                return false;
            }

            wallets[Key(phone)] = balance - amount;
            return true;
        }
    }

    /// <summary>Gives money back to the wallet.</summary>
    internal void Credit(string phone, decimal amount)
    {
        lock (wallets)
        {
            wallets[Key(phone)] = (wallets.TryGetValue(Key(phone), out var held) ? held : openingBalance) + amount;
        }
    }

    /// <summary>Daraja's form of a number: digits only, 2547… (a leading + is dropped).</summary>
    internal static string Key(string phone) => phone.Trim().TrimStart('+');
}
