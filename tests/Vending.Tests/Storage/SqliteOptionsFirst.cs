using System.Runtime.CompilerServices;
using SmsVending.Infrastructure.Storage;

namespace SmsVending.Vending.Tests.Storage;

/// <summary>Runs <see cref="Database"/>'s type initialiser before any test, as a service's first database does before it opens a
/// connection, so <see cref="SqliteThreadingTests"/> sees the options it sets whichever test runs first.</summary>
internal static class SqliteOptionsFirst
{
    [ModuleInitializer]
    internal static void BeforeAnyTest() => RuntimeHelpers.RunClassConstructor(typeof(Database).TypeHandle);
}
