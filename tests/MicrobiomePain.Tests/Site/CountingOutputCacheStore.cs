using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace MicrobiomePain.Tests.Site;

/// <summary>The app's own output-cache store, wrapped to count the entries it stores and the lookups it answers.</summary>
public sealed class CountingOutputCacheStore
{
    private int _stored;
    private int _hits;

    public int Stored => Volatile.Read(ref _stored);

    public int Hits => Volatile.Read(ref _hits);

    /// <summary>Replaces the registered store with a counting wrapper around it (for ConfigureTestServices).</summary>
    public void Install(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(registered);
        services.AddSingleton<IOutputCacheStore>(sp => new Counting(this, registered.ImplementationFactory is { } make
            ? (IOutputCacheStore)make(sp)
            : registered.ImplementationInstance as IOutputCacheStore ?? (IOutputCacheStore)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!)));
    }

    private sealed class Counting(CountingOutputCacheStore counts, IOutputCacheStore inner) : IOutputCacheStore
    {
        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => inner.EvictByTagAsync(tag, cancellationToken);

        public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
        {
            var entry = await inner.GetAsync(key, cancellationToken);
            if (entry is not null)
            {
                Interlocked.Increment(ref counts._hits);
            }

            return entry;
        }

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref counts._stored);
            return inner.SetAsync(key, value, tags, validFor, cancellationToken);
        }
    }
}
