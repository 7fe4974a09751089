using SmsVending.Contracts.Vending;
using SmsVending.Vending.Messaging;

namespace SmsVending.Vending.Customers;

/// <summary>PIN changes by SMS: the old PIN (or <see cref="CustomerStore.FirstPin"/> while none is set) authorises the new one.</summary>
/// <remarks>
/// Wrong old PINs count towards the same lock as wrong PINs on purchases. A repeat of a change already made (the old PIN is
/// wrong but the new one is the current PIN) answers <see cref="PinChanged"/> again and clears the failure it just counted.
/// </remarks>
internal sealed class PinChangeService(CustomerStore customers)
{
    public async Task<Answer<PinChanged, PinChangeRefused>> ChangeAsync(ChangePin request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var customer = await customers.FindByPhoneAsync(request.Phone, cancellationToken);
        if (customer is null)
        {
            return new PinChangeRefused(request.Phone, PinRefusal.UnknownCustomer, "this phone is not registered", null, "en");
        }

        PinChangeRefused Refuse(PinRefusal reason, string message, DateTimeOffset? lockedUntil = null) =>
            new(customer.Phone, reason, message, lockedUntil, customer.Language);
        var (oldPin, newPin) = (request.OldPin.Trim(), request.NewPin.Trim());
        if (!CustomerStore.IsValidPin(newPin))
        {
            return Refuse(PinRefusal.InvalidNewPin, "a new PIN has 4 to 8 digits");
        }

        var problem = await customers.CheckOldPinAsync(customer, oldPin, cancellationToken);
        if (problem?.Outcome == PinOutcome.Locked)
        {
            return Refuse(PinRefusal.PinLocked, "too many wrong PINs", problem.LockedUntil);
        }

        if (problem is not null && customer.PinHash is null)
        {
            return Refuse(PinRefusal.WrongPin, $"no PIN is set yet: give {CustomerStore.FirstPin} as the old PIN");
        }

        if (problem is not null && !CustomerStore.Matches(customer, newPin))
        {
            return Refuse(PinRefusal.WrongPin, "the old PIN is wrong");
        }

        await customers.SetPinAsync(customer, newPin, cancellationToken);
        return new PinChanged(customer.Phone, customer.Language);
    }
}
