using SmsVending.Contracts.Tokens.Sts;
using SmsVending.KeyAuthority.KeyChanges;

namespace SmsVending.KeyAuthority.Tests.KeyChanges;

public class KeyChangePlanTests
{
    [Theory]
    [MemberData(nameof(BadPlans))]
    public void Validated_OutOfRangeOrBaseWithoutRollover_Throws(KeyChangePlan plan, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => plan.Validated());
        Assert.Contains(expected, error.Message);
    }

    public static TheoryData<KeyChangePlan, string> BadPlans => new()
    {
        { new KeyChangePlan(BaseDate: BaseDate.Year2035), "rollover" },
        { new KeyChangePlan(KeyRevision: 10), "key revision" },
        { new KeyChangePlan(TariffIndex: 100), "tariff index" },
        { new KeyChangePlan(Dkga: 3), "DKGA" },
        { new KeyChangePlan(SupplyGroupCode: 1_000_000), "supply group" },
    };
}
