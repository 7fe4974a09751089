using System.ComponentModel.DataAnnotations;
using System.Net.Http.Json;
using System.Reflection;
using Dapper;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SmsVending.Gateway.Messages;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Tokens.Sts;
using SmsVending.Contracts.Vending;
using SmsVending.Gateway.Embedded;
using SmsVending.Gateway.Payments;
using SmsVending.Gateway.Staff;
using SmsVending.Gateway.Storage;
using SmsVending.Gateway.Ussd;
using SmsVending.MeterEmulator.PhoneNetwork;

namespace SmsVending.Gateway.Tests.Support;

/// <summary>The Gateway as `dotnet run --project Gateway -- --data DIR` starts it, in-process over a temporary data folder,
/// with helpers to post signed webhooks and to wait for what comes out.</summary>
public sealed class EmbeddedGateway(string dataFolder, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    /// <summary>The URL the in-process server answers at; Twilio signatures are computed over it.</summary>
    public const string BaseUrl = "http://localhost";

    private int sequence;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("data", dataFolder);
        builder.UseSetting("Gateway:RateLimitWindow", "01:00:00"); // no window rolls over mid-test
        // The limits on asking Vending that run on the real clock, at the most their options allow (each provider's own deadline),
        // so that a loaded machine's stall is not read as Vending not answering.
        builder.UseSetting($"{UssdOptions.Section}:{nameof(UssdOptions.VendingTimeout)}", MostAllowed<UssdOptions>(nameof(UssdOptions.VendingTimeout)));
        builder.UseSetting($"{MpesaOptions.Section}:{nameof(MpesaOptions.ValidationTimeout)}", MostAllowed<MpesaOptions>(nameof(MpesaOptions.ValidationTimeout)));
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>The upper bound of an option's <see cref="RangeAttribute"/>, as configuration text.</summary>
    private static string MostAllowed<TOptions>(string property) =>
        (string)typeof(TOptions).GetProperty(property)!.GetCustomAttribute<RangeAttribute>()!.Maximum;

    /// <summary>The embedded system's secrets.</summary>
    public Credentials Credentials => Services.GetRequiredService<Credentials>();

    /// <summary>A fresh MessageSid, as Twilio would make one.</summary>
    public string NewMessageSid() => $"SM{Interlocked.Increment(ref sequence):x8}{Guid.NewGuid():N}"[..34];

    /// <summary>Posts an inbound SMS signed exactly as Twilio signs it (or with the given signature).</summary>
    public async Task<HttpResponseMessage> PostSmsAsync(string from, string body, string? messageSid = null, string? signature = null, string path = "/sms/twilio",
        string signedUrl = BaseUrl)
    {
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = messageSid ?? NewMessageSid(), ["AccountSid"] = Twilio.AccountSid ?? "", ["From"] = from, ["To"] = "SMSVEND",
            ["Body"] = body, ["NumSegments"] = "1", ["NumMedia"] = "0", ["SmsStatus"] = "received", ["ApiVersion"] = "2010-04-01",
        };
        return await PostSignedAsync(path, form, signature, signedUrl);
    }

    /// <summary>The Twilio settings the Gateway runs with (the embedded credentials unless configured otherwise).</summary>
    public TwilioOptions Twilio => Services.GetRequiredService<GatewayOptions>().Twilio;

    /// <summary>Posts a form signed with the Gateway's Twilio auth token over <paramref name="signedUrl"/> + path.</summary>
    public async Task<HttpResponseMessage> PostSignedAsync(string path, IReadOnlyDictionary<string, string> form, string? signature = null, string signedUrl = BaseUrl)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignature.Header, signature ?? TwilioSignature.Compute(Twilio.AuthToken!, signedUrl + path, form));
        return await CreateClient().SendAsync(request);
    }

    /// <summary>A client for the staff and admin APIs holding the given role's key.</summary>
    public HttpClient Staff(string role)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", KeyOf(role));
        return client;
    }

    /// <summary>The embedded API key of a role.</summary>
    public string KeyOf(string role) => role switch
    {
        StaffRoles.Admin => Credentials.AdminApiKey,
        StaffRoles.Supervisor => Credentials.SupervisorApiKey,
        StaffRoles.Agent => Credentials.AgentApiKey,
        _ => Credentials.ManufacturingApiKey,
    };

    /// <summary>Waits until the demo data is seeded.</summary>
    public async Task<CustomerTimeline> DemoCustomerAsync(int index = 0) =>
        await EventuallyAsync(async () => await TimelineAsync(DemoData.Customers[index].Phone) is { Found: true, Meters.Count: > 0 } t ? t : null, "demo data");

    /// <summary>Waits until the start-up re-drive has run, so what a test stores afterwards is not picked up by it.</summary>
    public Task RedrivenAsync() => RedrivenAsync(Services);

    /// <inheritdoc cref="RedrivenAsync()"/>
    public static Task RedrivenAsync(IServiceProvider services) =>
        services.GetServices<IHostedService>().OfType<InboundRedrive>().Single().FirstPass.WaitAsync(TimeSpan.FromSeconds(60));

    /// <summary>A demo customer with funds sends an SMS and gets its answer: the usual start of a staff scenario.</summary>
    public async Task<(string Sid, MessageEntry Reply)> SmsWithFundsAsync(int customer, string body, decimal funds = 500m)
    {
        var phone = DemoData.Customers[customer].Phone;
        await DemoCustomerAsync(customer);
        await FundAsync(phone, funds);
        var sid = NewMessageSid();
        await PostSmsAsync(phone, body, sid);
        return (sid, await ReplyToAsync(phone, sid));
    }

    /// <summary>Vending's view of a customer.</summary>
    public Task<CustomerTimeline> TimelineAsync(string phone) => TimelineAsync(Services, phone);

    /// <summary>Vending's view of a customer, asked through a host's bus.</summary>
    public static async Task<CustomerTimeline> TimelineAsync(IServiceProvider services, string phone)
    {
        using var scope = services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<IRequestClient<GetCustomerTimeline>>().GetResponse<CustomerTimeline>(new GetCustomerTimeline(phone))).Message;
    }

    /// <summary>Credits a phone's wallet as a mobile-money top-up would, and waits for the balance.</summary>
    public async Task FundAsync(string phone, decimal amount)
    {
        var before = (await TimelineAsync(phone)).WalletBalance;
        await Services.GetRequiredService<IBus>().Publish(new PaymentReceived($"TOPUP{Guid.NewGuid():N}"[..20], phone, phone, amount, "KES", "{}"));
        await EventuallyAsync(async () => (await TimelineAsync(phone)).WalletBalance >= before + amount ? "funded" : null, "wallet top-up");
    }

    /// <summary>The SMS sent to a phone so far, newest first, as staff see them.</summary>
    public async Task<IReadOnlyList<MessageEntry>> SentToAsync(string phone) =>
        [.. (await Services.GetRequiredService<MessageSearch>().FindAsync(new MessageQuery(Phone: phone, Limit: 500))).Where(m => m.Direction == "out")];

    /// <summary>Waits for the SMS that answers an inbound message (or resend) by its id.</summary>
    public Task<MessageEntry> ReplyToAsync(string phone, string answers) =>
        EventuallyAsync(async () => (await Services.GetRequiredService<MessageSearch>().FindAsync(new MessageQuery(Phone: phone, Reference: answers)))
            .FirstOrDefault(m => m.Direction == "out"), $"a reply to {answers}");

    /// <summary>Inbound messages stored without a final outcome, or without any reply at all.</summary>
    public Task<long> UnansweredAsync() => ScalarAsync("""
        SELECT COUNT(*) FROM gw_inbound i
        WHERE i.answered_at IS NULL OR NOT EXISTS (SELECT 1 FROM gw_outbound o WHERE o.answers = i.external_id)
        """);

    /// <summary>One number from the Gateway's own database.</summary>
    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await Services.GetRequiredService<GatewayDatabase>().OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    /// <summary>The meter's decoder, from the manufacturing export (as the emulator's meter factory gets it).</summary>
    public async Task<TokenCipher> DecoderAsync(string meter)
    {
        using var scope = Services.CreateScope();
        var export = await scope.ServiceProvider.GetRequiredService<IRequestClient<ExportMeterKey>>()
            .GetResponse<MeterKeyExported>(new ExportMeterKey(meter, "test-factory", StaffRoles.Manufacturing));
        return TokenCipher.Create(DecoderKey.FromHex(export.Message.KeyHex), export.Message.Algorithm);
    }

    /// <summary>Polls until <paramref name="probe"/> returns something, or fails after a bounded wait.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string what) where T : class
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            if (timeout.IsCancellationRequested)
            {
                Assert.Fail($"gave up waiting: {what}");
            }

            await Task.Delay(20, CancellationToken.None);
        }
    }

    /// <summary>Polls until nothing remains, failing when what remains stops shrinking for a minute, or after ten minutes in all:
    /// a large backlog drains at whatever pace the machine allows.</summary>
    public static async Task DrainedAsync(Func<Task<long>> remaining, string what)
    {
        var (least, since, all) = (long.MaxValue, System.Diagnostics.Stopwatch.StartNew(), System.Diagnostics.Stopwatch.StartNew());
        while (await remaining() is var left && left > 0)
        {
            if (left < least)
            {
                (least, since) = (left, System.Diagnostics.Stopwatch.StartNew());
            }
            else if (since.Elapsed > TimeSpan.FromSeconds(60))
            {
                Assert.Fail($"gave up waiting: {what} ({left} left, none done for 60 s)");
            }

            if (all.Elapsed > TimeSpan.FromMinutes(10))
            {
                Assert.Fail($"gave up waiting: {what} ({left} left after 10 minutes)");
            }

            await Task.Delay(20, CancellationToken.None);
        }
    }

    /// <summary>Polls until the condition holds, or fails after a bounded wait.</summary>
    public static Task EventuallyAsync(Func<Task<bool>> condition, string what) =>
        EventuallyAsync(async () => await condition() ? "yes" : null, what);

    /// <summary>Reads a JSON answer.</summary>
    public static async Task<T> JsonAsync<T>(HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<T>())!;
}
