using SmsVending.Gateway;
using SmsVending.Gateway.Health;

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapHealth();
app.MapGet("/", () => TypedResults.Text(NotYet.Message));
app.Logger.LogInformation("{Message}", NotYet.Message);

app.Run();

/// <summary>The Gateway's entry point (public so in-process HTTP tests can host it).</summary>
public partial class Program;
