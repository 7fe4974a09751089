using System.Security.Claims;
using MassTransit;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Vending.Admin;
using SmsVending.Gateway.Staff;

namespace SmsVending.Gateway.Admin;

/// <summary>The admin API over Vending's and the KeyAuthority's admin messages: customers, meters, bindings, tariffs, and the
/// manufacturing export of decoder keys; every call is audited.</summary>
internal static partial class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/admin").RequireAuthorization(StaffRoles.Admin).AddEndpointFilter<StaffAuditFilter>();
        admin.MapGet("/customers", ListCustomersAsync);
        admin.MapGet("/customers/{phone}", GetCustomerAsync);
        admin.MapPost("/customers", RegisterCustomerAsync);
        admin.MapPost("/customers/import", ImportCustomersAsync);
        admin.MapGet("/meters", ListMetersAsync);
        admin.MapPost("/meters", AddMeterAsync);
        admin.MapPost("/meters/import", ImportMetersAsync);
        admin.MapPost("/meters/{meter}/block", BlockMeterAsync);
        admin.MapPost("/meters/{meter}/unblock", UnblockMeterAsync);
        admin.MapPost("/bindings", BindAsync);
        admin.MapDelete("/bindings", UnbindAsync);
        admin.MapGet("/tariffs", ListTariffsAsync);
        admin.MapPut("/tariffs/{id}", SaveTariffAsync);

        var factory = routes.MapGroup("/admin").RequireAuthorization(StaffRoles.Manufacturing).AddEndpointFilter<StaffAuditFilter>();
        factory.MapGet("/meters/{meter}/decoder-key", ExportDecoderKeyAsync);
        factory.MapPut("/meters/{meter}/ir-identity", RegisterIdentityAsync);
        return routes;
    }

    public static Task<IResult> ListCustomersAsync(IRequestClient<ListCustomers> client, string? query, int? limit, int? offset, CancellationToken cancellationToken) =>
        AdminBus.RespondAsync(client, new ListCustomers(query, limit ?? 50, offset ?? 0), (CustomersListed a) => AdminBus.Json(a), cancellationToken);

    public static Task<IResult> GetCustomerAsync(string phone, IRequestClient<GetCustomer> client, CancellationToken cancellationToken) =>
        AdminBus.RespondAsync(client, new GetCustomer(phone), (CustomerFound a) => AdminBus.Json(a.Customer), cancellationToken);

    public static async Task<IResult> RegisterCustomerAsync(JsonBody body, IRequestClient<RegisterCustomer> client, CancellationToken cancellationToken) =>
        body.TryRead<RegisterCustomer>(out var request, out var problem)
            ? await AdminBus.RespondAsync(client, request, (CustomerRegistered a) => AdminBus.Json(a.Customer, StatusCodes.Status201Created), cancellationToken)
            : problem;

    public static async Task<IResult> ImportCustomersAsync(CsvBody body, IRequestClient<ImportCustomers> client, CancellationToken cancellationToken) =>
        body.Problem ?? await AdminBus.RespondAsync(client, new ImportCustomers(body.Text!), (CustomersImported a) => AdminBus.Json(a), cancellationToken);

    public static Task<IResult> ListMetersAsync(IRequestClient<ListMeters> client, string? query, int? limit, int? offset, CancellationToken cancellationToken) =>
        AdminBus.RespondAsync(client, new ListMeters(query, limit ?? 50, offset ?? 0), (MetersListed a) => AdminBus.Json(a), cancellationToken);

    public static Task<IResult> BlockMeterAsync(string meter, IRequestClient<BlockMeter> client, CancellationToken cancellationToken) =>
        AdminBus.RespondAsync(client, new BlockMeter(meter), (MeterStatusChanged a) => AdminBus.Json(a.Meter), cancellationToken);

    public static Task<IResult> UnblockMeterAsync(string meter, IRequestClient<UnblockMeter> client, CancellationToken cancellationToken) =>
        AdminBus.RespondAsync(client, new UnblockMeter(meter), (MeterStatusChanged a) => AdminBus.Json(a.Meter), cancellationToken);

    public static async Task<IResult> BindAsync(JsonBody body, IRequestClient<BindMeter> client, CancellationToken cancellationToken) =>
        body.TryRead<BindMeter>(out var request, out var problem)
            ? await AdminBus.RespondAsync(client, request, (MeterBound a) => AdminBus.Json(a), cancellationToken)
            : problem;

    public static async Task<IResult> UnbindAsync(string? phone, string? meter, IRequestClient<UnbindMeter> client, CancellationToken cancellationToken) =>
        phone is null || meter is null
            ? AdminBus.Problem(StatusCodes.Status400BadRequest, "say which binding: ?phone=…&meter=…")
            : await AdminBus.RespondAsync(client, new UnbindMeter(phone, meter), (MeterUnbound a) => AdminBus.Json(a), cancellationToken);

    public static Task<IResult> ListTariffsAsync(IRequestClient<ListTariffs> client, CancellationToken cancellationToken) =>
        AdminBus.RespondAsync(client, new ListTariffs(), (TariffsListed a) => AdminBus.Json(a.Tariffs), cancellationToken);

    /// <summary>Adds or replaces a tariff; the body's id may be left out, and otherwise must be the path's.</summary>
    public static async Task<IResult> SaveTariffAsync(string id, JsonBody body, IRequestClient<SaveTariff> client, CancellationToken cancellationToken)
    {
        if (body.Text("id") is { } given && given != id)
        {
            return AdminBus.Problem(StatusCodes.Status400BadRequest, $"the path names tariff {id} but the body {given}");
        }

        return body.WithDefault("id", id).TryRead<TariffTerms>(out var terms, out var problem)
            ? await AdminBus.RespondAsync(client, new SaveTariff(terms), (TariffSaved a) => AdminBus.Json(a.Tariff), cancellationToken)
            : problem;
    }

    /// <summary>The manufacturing export: the meter's decoder key for the factory, in the caller's name; 403 when the KeyAuthority
    /// refuses (export turned off), 404 for an unknown meter.</summary>
    public static async Task<IResult> ExportDecoderKeyAsync(string meter, HttpContext http, IRequestClient<ExportMeterKey> client, CancellationToken cancellationToken)
    {
        var request = new ExportMeterKey(MeterReference.Normalised(meter), http.User.Identity?.Name ?? "?",
            http.User.FindFirstValue(ClaimTypes.Role) ?? "?");
        var (key, refusal) = await AdminBus.AskAsync<ExportMeterKey, MeterKeyExported, MeterKeyExportRefused>(client, request, cancellationToken);
        return key is not null ? AdminBus.Json(key) : refusal!.Problem();
    }

    /// <summary>The meter factory registers the meter's Ed25519 public key ({"publicKey": "64 hex digits"}) and gets the host's public
    /// key to load into the meter; the same key again answers the same, another key 409, an unknown meter 404.</summary>
    public static async Task<IResult> RegisterIdentityAsync(string meter, JsonBody body, IRequestClient<RegisterMeterIdentity> client, CancellationToken cancellationToken)
    {
        if (!body.TryRead<MeterIdentityBody>(out var identity, out var problem))
        {
            return problem;
        }

        var (registered, refusal) = await AdminBus.AskAsync<RegisterMeterIdentity, MeterIdentityRegistered, MeterIdentityRefused>(client,
            new RegisterMeterIdentity(meter, identity.PublicKey), cancellationToken);
        return registered is not null ? AdminBus.Json(registered) : refusal!.Problem();
    }
}

/// <summary>The body of PUT /admin/meters/{meter}/ir-identity.</summary>
internal sealed record MeterIdentityBody(string PublicKey);
