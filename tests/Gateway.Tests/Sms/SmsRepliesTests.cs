using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Vending;
using SmsVending.Gateway.Sms;

namespace SmsVending.Gateway.Tests.Sms;

/// <summary>Every reply, in both languages and with worst-case values, is one GSM-7 segment.</summary>
public class SmsRepliesTests
{
    private const string LongestMeter = "0000000000000";

    public static TheoryData<string, int> LanguagesAndTokenCounts => new() { { "en", 1 }, { "en", 3 }, { "en", 5 }, { "sw", 1 }, { "sw", 3 }, { "sw", 5 } };

    public static TheoryData<string, PurchaseRejection> LanguagesAndReasons
    {
        get
        {
            var data = new TheoryData<string, PurchaseRejection>();
            foreach (var language in new[] { "en", "sw" })
            {
                foreach (var reason in Enum.GetValues<PurchaseRejection>())
                {
                    data.Add(language, reason);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(LanguagesAndTokenCounts))]
    public void Issued_WorstCase_FitsOneGsm7Segment(string language, int tokenCount)
    {
        var tokens = Enumerable.Range(0, tokenCount).Select(i => new IssuedToken("73786976294838206463", "credit", 0, 0, 0xFFFFFF, 1_820_162.4m)).ToList();
        var reply = SmsReplies.Issued(new TokenIssued(Guid.NewGuid(), "SM1", "+254712345678", language, LongestMeter, tokens,
            new PurchaseReceipt("KES", 35_000m, 34_999.99m, 100m, 9_999.99m, 20_000m, 4_899.99m, 99_999.9m, "kWh", 9_999_999.99m)));

        AssertOneSegment(reply);
        Assert.Contains(tokenCount == 5 ? "73786976294838206463" : "7378 6976 2948 3820 6463", reply);
    }

    [Fact]
    public void Issued_OneToken_ShowsGroupsMeterUnitsAndBalance()
    {
        var reply = SmsReplies.Issued(new TokenIssued(Guid.Parse("0198f5a1-0000-7000-8000-00000abcdef1"), "SM1", "+254712345678", "en", "01234567897",
            [new IssuedToken("23716100501183194197", "credit", 0, 0, 5871715, 28.7m)],
            new PurchaseReceipt("KES", 500m, 499.5m, 100m, 0m, 344.4m, 55.1m, 28.7m, "kWh", 500.5m)));

        Assert.Equal("Token 2371 6100 5011 8319 4197 Mtr 01234567897 28.7kWh KES499.50 Bal KES500.50 Ref BCDEF1", reply);
    }

    [Theory]
    [MemberData(nameof(LanguagesAndReasons))]
    public void Rejected_EveryReasonWithWorstCaseFacts_FitsOneGsm7Segment(string language, PurchaseRejection reason)
    {
        var reply = SmsReplies.Rejected(new PurchaseRejected
        {
            PurchaseId = Guid.NewGuid(), IdempotencyKey = "SM1", Phone = "+254712345678", Language = language, Reason = reason,
            Message = "meter number 01234567890 fails its check digit (a digit is mistyped; with these digits the last would be 7)",
            MeterNumber = new string('9', 32), Meters = [.. Enumerable.Range(0, 100).Select(_ => LongestMeter)], Amount = 9_999_999.99m,
            LockedUntil = DateTimeOffset.UnixEpoch,
        });

        AssertOneSegment(reply);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("sw")]
    public void HelpBalanceAndMeters_WorstCase_FitOneGsm7Segment(string language)
    {
        AssertOneSegment(SmsReplies.Help(language, "METERS"));
        AssertOneSegment(SmsReplies.Balance(language, "KES", 99_999_999.99m));
        AssertOneSegment(SmsReplies.MeterList(language, [.. Enumerable.Range(0, 100).Select(_ => LongestMeter)]));
        AssertOneSegment(SmsReplies.MeterList(language, []));
        AssertOneSegment(SmsReplies.NotRegistered(language));
        AssertOneSegment(SmsReplies.Busy);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("sw")]
    public void RegAndPinReplies_EveryReasonWithWorstCaseFacts_FitOneGsm7Segment(string language)
    {
        const string hint = "meter number 01234567890 fails its check digit (a digit is mistyped; with these digits the last would be 7)";
        var meter = new string('9', 32);
        AssertOneSegment(SmsReplies.Linked(new MeterLinked("+254712345678", LongestMeter, [LongestMeter], language, true)));
        foreach (var reason in Enum.GetValues<LinkRefusal>())
        {
            AssertOneSegment(SmsReplies.LinkRefused(new MeterLinkRefused("+254712345678", meter, reason, hint, 99, DateTimeOffset.UnixEpoch, language)));
        }

        AssertOneSegment(SmsReplies.PinChanged(language));
        foreach (var reason in Enum.GetValues<PinRefusal>())
        {
            AssertOneSegment(SmsReplies.PinRefused(new PinChangeRefused("+254712345678", reason, hint, DateTimeOffset.UnixEpoch, language)));
        }
    }

    [Fact]
    public void UnknownMeter_WithAMistypedCheckDigit_SuggestsTheDigit()
    {
        var reply = SmsReplies.Rejected(new PurchaseRejected
        {
            PurchaseId = Guid.NewGuid(), IdempotencyKey = "SM1", Phone = "+254712345678", Language = "en", Reason = PurchaseRejection.UnknownMeter,
            Message = "meter number 01234567890 fails its check digit (a digit is mistyped; with these digits the last would be 7)", MeterNumber = "01234567890",
        });

        Assert.Contains("Last digit should be 7?", reply);
    }

    private static void AssertOneSegment(string reply)
    {
        Assert.True(SmsSegments.IsGsm7(reply), $"not GSM-7: {reply}");
        Assert.True(SmsSegments.Count(reply) == 1, $"{SmsSegments.Septets(reply)} septets: {reply}");
    }
}
