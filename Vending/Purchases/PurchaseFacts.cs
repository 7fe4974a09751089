using SmsVending.Vending.Customers;
using SmsVending.Vending.Meters;
using SmsVending.Vending.Tariffs;

namespace SmsVending.Vending.Purchases;

/// <summary>What deciding a purchase reads first: its stored state (or a new row), the buyer, the meters the buyer may buy for,
/// and the meter bought for with its tariff.</summary>
/// <param name="MeterNumber">The meter bought for: the one the request names or, when it names none, the buyer's only one; null when
/// the request names none and the buyer has none or several.</param>
/// <param name="Meter">That meter, or null when it is not registered.</param>
internal sealed record PurchaseFacts(PurchaseRow Purchase, Customer? Customer, IReadOnlyList<string> Linked, string? MeterNumber, VendingMeter? Meter,
    Tariff? Tariff);
