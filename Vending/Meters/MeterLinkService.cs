using MassTransit;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Vending;
using SmsVending.Infrastructure.Phones;
using SmsVending.Vending.Customers;
using SmsVending.Vending.Messaging;

namespace SmsVending.Vending.Meters;

/// <summary>Links a phone to a meter once the KeyAuthority verifies the meter account's registration code (SMS REG).</summary>
/// <remarks>
/// A new phone becomes a customer (no name, English replies). The first phone linked to a meter owns it; later ones may
/// buy for it. Linking again is harmless: the role stays. The code is checked on every request, so a wrong code is
/// refused even for a phone that is linked already. A KeyAuthority that does not answer in time links nothing; the
/// check is not retried here, because each check counts towards the account's lock.
/// </remarks>
internal sealed class MeterLinkService(CustomerStore customers, MeterRegistry meters, IRequestClient<VerifyMeterCredential> keyAuthority, VendingOptions options)
{
    public async Task<Answer<MeterLinked, MeterLinkRefused>> LinkAsync(LinkMeter request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Phones.TryNormalise(request.Phone, options.DefaultRegion, out var phone, out var phoneError))
        {
            return new MeterLinkRefused(request.Phone, null, LinkRefusal.InvalidPhone, phoneError, null, null, "en");
        }

        var customer = await customers.FindByPhoneAsync(phone, cancellationToken);
        var language = customer?.Language ?? "en";
        MeterLinkRefused Refuse(string? meter, LinkRefusal reason, string message, int? attemptsLeft = null, DateTimeOffset? lockedUntil = null) =>
            new(phone, meter, reason, message, attemptsLeft, lockedUntil, language);
        var meterNumber = MeterReference.Normalised(request.MeterNumber);
        if (await meters.FindAsync(meterNumber, cancellationToken) is null)
        {
            return Refuse(null, LinkRefusal.UnknownMeter, MeterReference.UnknownMessage(request.MeterNumber));
        }

        MeterCredentialChecked check;
        try
        {
            check = (await keyAuthority.GetResponse<MeterCredentialChecked>(new VerifyMeterCredential(meterNumber, request.RegistrationCode.Trim()), cancellationToken,
                RequestTimeout.After(ms: (int)options.KeyAuthorityTimeout.TotalMilliseconds))).Message;
        }
        catch (RequestTimeoutException)
        {
            return Refuse(meterNumber, LinkRefusal.KeyAuthorityUnavailable, "the registration service is busy; nothing was changed, please try again shortly");
        }

        switch (check.Outcome)
        {
            case CredentialOutcome.Wrong:
                return Refuse(meterNumber, LinkRefusal.WrongCode, $"the registration code for meter {meterNumber} is wrong", attemptsLeft: check.AttemptsLeft);
            case CredentialOutcome.Locked:
                return Refuse(meterNumber, LinkRefusal.Locked, $"too many wrong codes for meter {meterNumber}", lockedUntil: check.LockedUntil);
            case CredentialOutcome.NotSet:
                return Refuse(meterNumber, LinkRefusal.NoCodeSet, $"meter {meterNumber} has no registration code yet: ask the utility for one");
        }

        var (linkedCustomer, isNew) = customer is null ? await RegisterAsync(phone, cancellationToken) : (customer, false);
        await meters.LinkAsync(linkedCustomer.Id, meterNumber, cancellationToken);
        var linked = await meters.MetersOfAsync(linkedCustomer.Id, cancellationToken);
        return new MeterLinked(phone, meterNumber, [.. linked.Select(m => m.MeterNumber)], linkedCustomer.Language, isNew);
    }

    /// <summary>A new customer for the phone; when a concurrent request registered it first, that customer.</summary>
    private async Task<(Customer Customer, bool New)> RegisterAsync(string phone, CancellationToken cancellationToken)
    {
        try
        {
            return (await customers.RegisterSelfAsync(phone, cancellationToken), true);
        }
        catch (ArgumentException)
        {
            return (await customers.FindByPhoneAsync(phone, cancellationToken) ?? throw new InvalidOperationException($"could not register {Phones.Masked(phone)}"), false);
        }
    }
}
