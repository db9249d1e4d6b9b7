using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace MicrobiomePain.Web.Store;

/// <summary>
/// Live reload: watches the content directory and, once changes have been quiet for
/// <see cref="StoreOptions.ReloadDelayMilliseconds"/>, refreshes the store. The new store is built beside the old one
/// and swapped in atomically; a request keeps the version it started with. Invalid content is logged (one
/// file:line:col line each) and shown on /dev/status, and the last good store keeps serving.
/// </summary>
public sealed class ContentWatcher(ClaimStore store, IOptions<StoreOptions> options, ILogger<ContentWatcher> logger) : BackgroundService
{
    // A signal, not a queue: any number of events while a reload waits or runs lead to one more reload.
    private readonly Channel<bool> _changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private FileSystemWatcher? _watcher;

    /// <summary>
    /// Starts watching before the host finishes starting, so a save made as soon as the app answers is seen. (Since .NET 10
    /// all of ExecuteAsync runs in the background, after the host has started: a watcher created there missed early saves.)
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var watcher = new FileSystemWatcher(store.ContentPath)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        void OnChange(object sender, FileSystemEventArgs e)
        {
            if (IsContent(e.FullPath))
            {
                _changed.Writer.TryWrite(true);
            }
        }

        watcher.Changed += OnChange;
        watcher.Created += OnChange;
        watcher.Deleted += OnChange;
        watcher.Renamed += OnChange;
        watcher.Error += (_, e) =>
        {
            // The OS event buffer overflowed (many files at once): nothing is known about what changed, so just refresh.
            logger.LogWarning("Content watcher error ({Message}); refreshing anyway", e.GetException().Message);
            _changed.Writer.TryWrite(true);
        };
        watcher.EnableRaisingEvents = true;
        _watcher = watcher;
        logger.LogInformation("Watching {ContentPath} for changes (live reload)", store.ContentPath);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(Math.Max(0, options.Value.ReloadDelayMilliseconds));
        try
        {
            while (await _changed.Reader.WaitToReadAsync(stoppingToken))
            {
                // Debounce: wait until a whole delay passes without another change.
                do
                {
                    _changed.Reader.TryRead(out _);
                    await Task.Delay(delay, stoppingToken);
                }
                while (_changed.Reader.TryPeek(out _));

                await Task.Run(Reload, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    public override void Dispose()
    {
        _watcher?.Dispose();
        base.Dispose();
    }

    /// <summary>Files whose path has a segment starting with '.' (editor swap files, .store) are not content.</summary>
    private bool IsContent(string fullPath) =>
        !Path.GetRelativePath(store.ContentPath, fullPath).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.'));

    private void Reload()
    {
        try
        {
            var before = store.Current;
            var after = store.Refresh();
            if (!ReferenceEquals(before, after))
            {
                logger.LogInformation("Live reload: now serving content {Hash}", after.ShortHash);
            }
        }
        catch (ContentInvalidException ex)
        {
            logger.LogError("Live reload: content has {Count} error(s); still serving {Hash}", ex.Diagnostics.Count(d => d.IsError), store.Current.ShortHash);
            foreach (var diagnostic in ex.Diagnostics)
            {
                logger.LogError("{Diagnostic}", diagnostic.ToString());
            }
        }
#pragma warning disable CA1031 // A failed reload (a file vanished mid-read, a full disk) must never stop the app: log it and keep serving.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Live reload failed; still serving {Hash}", store.Current.ShortHash);
        }
    }
}
