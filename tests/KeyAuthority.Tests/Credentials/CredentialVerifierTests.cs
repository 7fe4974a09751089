using SmsVending.Infrastructure.Credentials;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.KeyAuthority.Credentials;
using SmsVending.KeyAuthority.Tests.Support;

namespace SmsVending.KeyAuthority.Tests.Credentials;

public sealed class CredentialVerifierTests : KeyAuthorityTest
{
    private string meter = "";

    protected override async Task SeedAsync()
    {
        meter = (await Authority.AddStsMetersAsync(1))[0];
        await Verifier.SetAsync(meter, "4821-7730");
    }

    [Fact]
    public async Task Verify_RightCode_IsVerified()
    {
        Assert.Equal(CredentialOutcome.Verified, (await Verifier.VerifyAsync(meter, "4821-7730")).Outcome);
    }

    [Fact]
    public async Task Verify_FiveWrongCodes_LockFor15MinutesEvenForTheRightCode()
    {
        var answers = new List<MeterCredentialChecked>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await Verifier.VerifyAsync(meter, "0000"));
        }

        Assert.Equal([4, 3, 2, 1], answers.Take(4).Select(a => a.AttemptsLeft));
        Assert.All(answers.Take(4), a => Assert.Equal(CredentialOutcome.Wrong, a.Outcome));
        Assert.Equal(CredentialOutcome.Locked, answers[4].Outcome);
        Assert.Equal(Authority.Clock.GetUtcNow().AddMinutes(15), answers[4].LockedUntil);

        Authority.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(CredentialOutcome.Locked, (await Verifier.VerifyAsync(meter, "4821-7730")).Outcome);
        Authority.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(CredentialOutcome.Verified, (await Verifier.VerifyAsync(meter, "4821-7730")).Outcome);
    }

    [Fact]
    public async Task Verify_SuccessResetsTheCount()
    {
        await Verifier.VerifyAsync(meter, "0000");
        await Verifier.VerifyAsync(meter, "4821-7730");

        Assert.Equal(4, (await Verifier.VerifyAsync(meter, "0000")).AttemptsLeft);
    }

    [Fact]
    public async Task Verify_NoCodeOrUnknownMeter_IsNotSet()
    {
        var other = (await Authority.AddStsMetersAsync(1, firstSerial: 9))[0];

        Assert.Equal(CredentialOutcome.NotSet, (await Verifier.VerifyAsync(other, "x")).Outcome);
        Assert.Equal(CredentialOutcome.NotSet, (await Verifier.VerifyAsync("nope", "x")).Outcome);
    }

    [Fact]
    public void Hash_IsArgon2idSaltedAndVerifies()
    {
        var hasher = new CredentialHasher();

        var (first, second) = (hasher.Hash("1234"), hasher.Hash("1234"));

        Assert.StartsWith("argon2id$m=19456,t=2,p=1$", first);
        Assert.NotEqual(first, second);
        Assert.True(CredentialHasher.Verify("1234", first));
        Assert.False(CredentialHasher.Verify("1235", first));
    }

    private CredentialVerifier Verifier => Authority.Get<CredentialVerifier>();
}
