namespace SmsVending.Contracts.Vending.Admin;

/// <summary>Admin: registers customers from CSV and binds them to existing meters, every row or none; answered by
/// <see cref="CustomersImported"/> or <see cref="AdminRequestRefused"/> naming the first bad line.</summary>
/// <param name="Csv">The file's text. Columns by header name: phone, name, language (en or sw; default en), pin (optional),
/// meter (optional, an existing meter to bind), role (owner or buyer; default owner). A phone on several rows is one
/// customer bound to several meters; its later rows may leave name, language and pin blank.</param>
public sealed record ImportCustomers(string Csv);

/// <summary>Every row is stored.</summary>
/// <param name="Customers">Customers registered.</param>
/// <param name="Bindings">Meters bound.</param>
public sealed record CustomersImported(int Customers, int Bindings);
