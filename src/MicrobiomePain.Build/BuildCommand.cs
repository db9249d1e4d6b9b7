using MicrobiomePain.Web.Commands;

namespace MicrobiomePain.Build;

/// <summary>
/// `dotnet MicrobiomePain.Build.dll build-store CONTENT STORE` (also `validate [CONTENT]` and `generate N DIR`): the app's own
/// commands (<see cref="AppCommands"/>), run by a process with batch runtime settings (see the project file).
/// </summary>
public static class BuildCommand
{
    public static int Main(string[] args)
    {
        // The tool never serves: anything but a command name gets the tool's own usage line.
        if (args is [var name, ..] && AppCommands.Names.Contains(name) && AppCommands.TryRun(args, Console.Out, Console.Error) is int exitCode)
        {
            return exitCode;
        }

        Console.Error.WriteLine("usage: MicrobiomePain.Build build-store <content-dir> <store-dir> | validate [content-dir] | generate <count> <dir> | strength <file>");
        return 2;
    }
}
