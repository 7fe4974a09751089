using Dapper;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.KeyAuthority.Audit;
using SmsVending.KeyAuthority.Issuance;
using SmsVending.KeyAuthority.Storage;
using SmsVending.KeyAuthority.Tests.Support;

namespace SmsVending.KeyAuthority.Tests.Audit;

public sealed class AuditLogTests : KeyAuthorityTest
{
    protected override async Task SeedAsync()
    {
        var meters = await Authority.AddStsMetersAsync(2);
        foreach (var meter in meters.Concat(meters).Concat(meters))
        {
            await Authority.Get<TokenIssuer>().IssueAsync(new IssueToken(Guid.NewGuid(), meter, TokenOperation.Credit, 3, "vending"));
        }
    }

    [Fact]
    public async Task Verify_UntouchedLog_IsIntact()
    {
        var result = await Authority.Get<AuditLog>().VerifyAsync();

        Assert.True(result.Intact, result.Finding);
        Assert.Equal(6, result.Entries);
    }

    [Theory]
    [InlineData("UPDATE ka_audit SET amount = '300' WHERE seq = 3", 3, "altered")]
    [InlineData("UPDATE ka_audit SET requester = 'someone' WHERE seq = 1", 1, "altered")]
    [InlineData("DELETE FROM ka_audit WHERE seq = 4", 4, "missing")]
    [InlineData("DELETE FROM ka_audit WHERE seq = 6", 6, "removed")]
    [InlineData("UPDATE ka_audit SET prev_hash = 'genesis' WHERE seq = 2", 2, "does not follow")]
    public async Task Verify_TamperedLog_NamesTheFirstBadEntry(string tamper, long seq, string finding)
    {
        await using (var connection = await Authority.Get<KeyAuthorityDatabase>().OpenAsync())
        {
            await connection.ExecuteAsync(tamper);
        }

        var result = await Authority.Get<AuditLog>().VerifyAsync();

        Assert.False(result.Intact);
        Assert.Equal(seq, result.FirstBadSeq);
        Assert.Contains(finding, result.Finding);
    }

    [Fact]
    public async Task Verify_RehashedAlteredEntry_BreaksTheNextLink()
    {
        await using (var connection = await Authority.Get<KeyAuthorityDatabase>().OpenAsync())
        {
            var row = await connection.QuerySingleAsync<(long At, string Meter, string Request, string Requester, int Class, int Sub, int? Tid, string Amount, string Prev)>(
                "SELECT at, meter_number, request_id, requester, token_class, token_subclass, tid, amount, prev_hash FROM ka_audit WHERE seq = 2");
            var forged = new AuditEntry(row.At, row.Meter, row.Request, row.Requester, row.Class, row.Sub, row.Tid, "999").HashAfter(2, row.Prev);
            await connection.ExecuteAsync("UPDATE ka_audit SET amount = '999', hash = @forged WHERE seq = 2", new { forged });
        }

        var result = await Authority.Get<AuditLog>().VerifyAsync();

        Assert.Equal((false, 3L), (result.Intact, result.FirstBadSeq));
    }
}
