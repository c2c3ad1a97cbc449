using System.CommandLine;

namespace Linchpin.Cli.Commands;

/// <summary><c>linchpin dyads</c>: placeholder replaced below.</summary>
internal static class DyadsCommand
{
    public static Command Build(CliEnvironment environment) => new("dyads", "Dyad-years");
}
