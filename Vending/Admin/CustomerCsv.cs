using SmsVending.Infrastructure.Csv;
using SmsVending.Infrastructure.Phones;
using SmsVending.Vending.Meters;

namespace SmsVending.Vending.Admin;

/// <summary>Reads a customer import: phone, name, language, pin, meter, role (see <see cref="Contracts.Vending.Admin.ImportCustomers"/>).</summary>
/// <remarks>Checks what a row says on its own and against earlier rows; whether phones are new and meters exist is the database's to say.</remarks>
internal static class CustomerCsv
{
    private static readonly Dictionary<string, string> Aliases = new()
    {
        ["msisdn"] = "phone", ["phonenumber"] = "phone", ["lang"] = "language", ["meternumber"] = "meter", ["serialnumber"] = "meter",
    };

    /// <summary>The rows in file order, phones in E.164; a <see cref="CsvLineException"/> names the first bad line.</summary>
    public static IReadOnlyList<CustomerRow> Read(TextReader reader, string defaultRegion)
    {
        var table = CsvTable.Read(reader, Aliases);
        foreach (var column in new[] { "phone", "name" }.Where(c => !table.Has(c)))
        {
            throw new CsvLineException(1, $"no {column} column");
        }

        var firsts = new Dictionary<string, CustomerRow>();
        var rows = new List<CustomerRow>();
        foreach (var line in table.Rows)
        {
            var row = Row(line, defaultRegion);
            if (firsts.TryGetValue(row.Phone, out var first))
            {
                row = Repeat(line, row, first);
            }

            firsts.TryAdd(row.Phone, row);
            rows.Add(row);
        }

        return rows;
    }

    private static CustomerRow Row(CsvRow line, string defaultRegion)
    {
        if (!Phones.TryNormalise(line["phone"], defaultRegion, out var phone, out var error))
        {
            throw line.Problem("phone", line["phone"] is null ? "missing" : error);
        }

        var role = line["role"]?.ToLowerInvariant() ?? BindingRole.Owner;
        return new CustomerRow(line.Line, phone, line["name"] ?? "", line["language"]?.ToLowerInvariant() ?? "", line["pin"], line["meter"], role, Repeat: false) switch
        {
            { Language: not ("" or "en" or "sw") } r => throw line.Problem("language", $"expected en or sw, got '{r.Language}'"),
            { Role: not (BindingRole.Owner or BindingRole.Buyer) } r => throw line.Problem("role", $"expected owner or buyer, got '{r.Role}'"),
            { Meter: null } and { Role: not BindingRole.Owner } => throw line.Problem("role", "a role needs a meter"),
            var r => r,
        };
    }

    /// <summary>A later row of the same phone binds another meter; what it says of the customer must agree with the first row.</summary>
    private static CustomerRow Repeat(CsvRow line, CustomerRow row, CustomerRow first)
    {
        foreach (var (column, value, before) in new[] { ("name", row.Name, first.Name), ("language", row.Language, first.Language), ("pin", row.Pin ?? "", first.Pin ?? "") })
        {
            if (value.Length > 0 && value != before)
            {
                throw line.Problem(column, $"phone {row.Phone} is on line {first.Line} with another {column}: leave it blank or the same");
            }
        }

        return row.Meter is null
            ? throw line.Problem("meter", $"phone {row.Phone} is on line {first.Line} already: a repeated phone binds another meter")
            : row with { Name = first.Name, Language = first.Language, Pin = first.Pin, Repeat = true };
    }
}

/// <summary>One row of a customer import: the customer (registered by the phone's first row) and a meter to bind, if any.</summary>
/// <param name="Line">The file line.</param>
/// <param name="Phone">E.164.</param>
/// <param name="Name">The name (checked when registered).</param>
/// <param name="Language">en, sw, or empty for en.</param>
/// <param name="Pin">The PIN, if any (checked when registered).</param>
/// <param name="Meter">A meter to bind, as written.</param>
/// <param name="Role">owner or buyer.</param>
/// <param name="Repeat">True when an earlier row registers this phone.</param>
internal sealed record CustomerRow(int Line, string Phone, string Name, string Language, string? Pin, string? Meter, string Role, bool Repeat);
