using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Vending.Admin;
using SmsVending.Infrastructure.Csv;
using SmsVending.Vending.Customers;
using SmsVending.Vending.Meters;
using SmsVending.Vending.Storage;

namespace SmsVending.Vending.Admin;

/// <summary>Imports customers and their meter bindings from CSV in one transaction: every row or none.</summary>
internal sealed class CustomerImport(VendingDatabase database, CustomerStore customers, MeterRegistry meters, VendingOptions options)
{
    /// <summary>The counts, or a <see cref="CsvLineException"/> naming the first bad line (nothing is stored).</summary>
    public async Task<CustomersImported> ImportAsync(ImportCustomers request, CancellationToken cancellationToken)
    {
        var rows = CustomerCsv.Read(new StringReader(request.Csv ?? ""), options.DefaultRegion);
        var ids = new Dictionary<string, string>();
        var bindings = 0;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var row in rows)
        {
            try
            {
                if (!row.Repeat)
                {
                    var language = row.Language.Length == 0 ? "en" : row.Language;
                    ids[row.Phone] = (await customers.RegisterAsync(connection, transaction, row.Phone, CustomerStore.CheckedName(row.Name), language, row.Pin, cancellationToken)).Id;
                }

                if (row.Meter is not null)
                {
                    await meters.BindAsync(connection, transaction, ids[row.Phone], MeterReference.Normalised(row.Meter), row.Role, cancellationToken);
                    bindings++;
                }
            }
            catch (ArgumentException e)
            {
                throw new CsvLineException(row.Line, e.Message, e);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new CustomersImported(ids.Count, bindings);
    }
}
