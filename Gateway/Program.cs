using SmsVending.Gateway;
using SmsVending.Gateway.Admin;
using SmsVending.Gateway.Embedded;
using SmsVending.Gateway.Health;
using SmsVending.Gateway.Payments;
using SmsVending.Gateway.Sms;
using SmsVending.Gateway.Staff;
using SmsVending.Gateway.Ussd;

var builder = WebApplication.CreateBuilder(args);
builder.AddEmbeddedSystem();

var app = builder.Build();
app.MapHealth();
app.MapSms();
app.MapStaff();
app.MapUssd();
app.MapMpesa();
app.MapAdmin();
app.MapGet("/", () => TypedResults.Text(NotYet.Message));
app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogInformation(
    "SmsVending embedded system: data in {Data}; API keys and the Twilio token are in {Credentials}",
    app.Services.GetRequiredService<EmbeddedInfo>().DataFolder, app.Services.GetRequiredService<EmbeddedInfo>().CredentialsFile));

app.Run();

/// <summary>The Gateway's entry point (public so in-process HTTP tests can host it).</summary>
public partial class Program;
