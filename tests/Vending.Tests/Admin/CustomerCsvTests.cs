using SmsVending.Infrastructure.Csv;
using SmsVending.Vending.Admin;

namespace SmsVending.Vending.Tests.Admin;

public class CustomerCsvTests
{
    [Fact]
    public void Read_GoodFile_NormalisesPhonesAndTakesDefaults()
    {
        const string Csv = "Phone Number,Name,Language,PIN,Meter,Role\n0712345678,Wanjiku,SW,1234,01234567897,\n\n+254722000111,\"Otieno, J.\",,,,\n";

        var rows = Read(Csv);

        Assert.Equal(
            [new CustomerRow(2, "+254712345678", "Wanjiku", "sw", "1234", "01234567897", "owner", false),
                new CustomerRow(4, "+254722000111", "Otieno, J.", "", null, null, "owner", false)],
            rows);
    }

    [Fact]
    public void Read_RepeatedPhone_BindsAnotherMeterAsTheSameCustomer()
    {
        var rows = Read("phone,name,language,meter,role\n0712345678,Wanjiku,sw,01234567897,owner\n+254712345678,,,00000000000,buyer\n");

        Assert.Equal(new CustomerRow(3, "+254712345678", "Wanjiku", "sw", null, "00000000000", "buyer", true), rows[1]);
    }

    [Theory]
    [InlineData("name,meter\nWanjiku,01234567897\n", 1, "no phone column")]
    [InlineData("phone,name\n0712345678,Wanjiku\n12,Otieno\n", 3, "phone: 12 is not a valid phone number")]
    [InlineData("phone,name\n,Wanjiku\n", 2, "phone: missing")]
    [InlineData("phone,name,language\n0712345678,Wanjiku,fr\n", 2, "language: expected en or sw, got 'fr'")]
    [InlineData("phone,name,meter,role\n0712345678,Wanjiku,01234567897,tenant\n", 2, "role: expected owner or buyer, got 'tenant'")]
    [InlineData("phone,name,role\n0712345678,Wanjiku,buyer\n", 2, "role: a role needs a meter")]
    [InlineData("phone,name,meter\n0712345678,Wanjiku,01234567897\n0712345678,Amina,00000000000\n", 3, "name: phone +254712345678 is on line 2 with another name")]
    [InlineData("phone,name,meter\n0712345678,Wanjiku,01234567897\n0712345678,Wanjiku,\n", 3, "meter: phone +254712345678 is on line 2 already")]
    public void Read_BadLine_NamesTheLineAndTheProblem(string csv, int line, string expected)
    {
        var error = Assert.Throws<CsvLineException>(() => Read(csv));

        Assert.Equal(line, error.Line);
        Assert.StartsWith(expected, error.Problem);
    }

    [Fact]
    public void Read_EmptyFile_AsksForAHeader()
    {
        var error = Assert.Throws<ArgumentException>(() => Read(""));

        Assert.Contains("first line must name the columns", error.Message);
    }

    private static IReadOnlyList<CustomerRow> Read(string csv) => CustomerCsv.Read(new StringReader(csv), "KE");
}
