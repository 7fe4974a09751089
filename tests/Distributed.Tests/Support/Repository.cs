namespace SmsVending.Distributed.Tests.Support;

/// <summary>Where the repository and the services' builds are, seen from the test's own build folder.</summary>
internal static class Repository
{
    /// <summary>The folder holding SmsVending.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Release or Debug: the configuration this test was built in, and so the services with it.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    /// <summary>A service's or the emulator's entry assembly, to run with `dotnet`.</summary>
    public static string Dll(string project) => Path.Combine(Root, project, "bin", Configuration, "net10.0", $"SmsVending.{project}.dll");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SmsVending.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("SmsVending.sln not found above " + AppContext.BaseDirectory);
    }
}
