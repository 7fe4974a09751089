using System.Xml.Linq;

namespace SmsVending.Architecture.Tests;

/// <summary>Keeps the "may reference" column of DESIGN.md true.</summary>
/// <remarks>Infrastructure (database plumbing, credential hashing) sits beneath the services and references nothing of ours.</remarks>
public class DependencyRulesTests
{
    public static TheoryData<string, string[]> Allowed => new()
    {
        { "Contracts", [] },
        { "Infrastructure", [] },
        { "KeyAuthority", ["Contracts", "Infrastructure"] },
        { "Vending", ["Contracts", "Infrastructure"] },
        { "MeterEmulator", ["Contracts"] },
        { "Gateway", ["Contracts", "Infrastructure", "Vending", "KeyAuthority"] },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Component_ReferencesOnlyWhatTheDesignAllows(string component, string[] allowed)
    {
        var references = ProjectReferences(component);

        Assert.All(references, r => Assert.Contains(r, allowed));
    }

    /// <summary>Contracts' one exception: NSec for the IR session's Ed25519, X25519 and HKDF, which the BCL lacks, so the meter and the
    /// host share one implementation of the protocol (README: Infrared session).</summary>
    [Fact]
    public void Contracts_ReferencesNoPackageButNSec()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), "Contracts", "Contracts.csproj"));

        Assert.Equal(["NSec.Cryptography"], project.Descendants("PackageReference").Select(p => p.Attribute("Include")!.Value));
    }

    private static string[] ProjectReferences(string component)
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), component, $"{component}.csproj"));
        return [.. project.Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))];
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SmsVending.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("SmsVending.sln not found above " + AppContext.BaseDirectory);
    }
}
