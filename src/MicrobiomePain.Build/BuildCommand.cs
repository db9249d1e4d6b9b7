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
        if (AppCommands.TryRun(args, Console.Out) is int exitCode)
        {
            return exitCode;
        }

        Console.Error.WriteLine("usage: MicrobiomePain.Build build-store <content-dir> <store-dir> | validate [content-dir] | generate <count> <dir>");
        return 2;
    }
}
