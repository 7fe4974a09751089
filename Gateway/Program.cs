using SmsVending.Gateway.Admin;
using SmsVending.Gateway.CallCentre;
using SmsVending.Gateway.Edge;
using SmsVending.Gateway.Embedded;
using SmsVending.Gateway.Health;
using SmsVending.Gateway.Ir;
using SmsVending.Gateway.Payments;
using SmsVending.Gateway.Sms;
using SmsVending.Gateway.Staff;
using SmsVending.Gateway.Ussd;

var builder = WebApplication.CreateBuilder(args);
if (builder.Configuration["Bus:RabbitMq"] is { Length: > 0 })
{
    builder.AddEdge(); // the edge of the distributed system
}
else
{
    builder.AddEmbeddedSystem(); // everything in this process, no setup
}

var app = builder.Build();
app.MapHealth();
app.MapSms();
app.MapStaff();
app.MapConsole();
app.MapAdmin();
app.MapUssd();
app.MapMpesa();
app.MapIr();
app.MapGet("/", () => TypedResults.Text(RouteIndex.Text));
if (app.Services.GetService<EmbeddedInfo>() is { } embedded)
{
    app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogInformation(
        "SmsVending embedded system: data in {Data}; API keys and the Twilio token are in {Credentials}", embedded.DataFolder, embedded.CredentialsFile));
}

app.Run();

/// <summary>The Gateway's entry point (public so in-process HTTP tests can host it).</summary>
public partial class Program;
