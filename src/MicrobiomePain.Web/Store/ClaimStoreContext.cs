using Microsoft.EntityFrameworkCore;

namespace MicrobiomePain.Web.Store;

/// <summary>The EF Core model of the store. EF owns the schema; the store is rebuilt, never migrated.</summary>
public sealed class ClaimStoreContext : DbContext
{
    /// <summary>A context on a store file with no version (the store builder, tools): its claim index is not kept.</summary>
    public ClaimStoreContext(DbContextOptions<ClaimStoreContext> options)
        : base(options)
    {
    }

    /// <summary>A request's context (chosen by DI, which takes the longest constructor it can satisfy): it reads
    /// <paramref name="version"/>, whose claim index it shares with every other request on that version.</summary>
    public ClaimStoreContext(DbContextOptions<ClaimStoreContext> options, StoreVersion version)
        : base(options) => Version = version;

    /// <summary>The store version this context reads, when it was made for one.</summary>
    public StoreVersion? Version { get; }

    /// <summary>A context on a store version (as a request gets one), for tools and tests.</summary>
    public static ClaimStoreContext For(StoreVersion version) => new(StoreBuilder.Options(version.ConnectionString), version);

    public DbSet<ClaimRow> Claims => Set<ClaimRow>();
    public DbSet<EvidenceLevelRow> EvidenceLevels => Set<EvidenceLevelRow>();
    public DbSet<ConditionRow> Conditions => Set<ConditionRow>();
    public DbSet<SourceRow> Sources => Set<SourceRow>();
    public DbSet<CaveatRow> Caveats => Set<CaveatRow>();
    public DbSet<ClaimConditionRow> ClaimConditions => Set<ClaimConditionRow>();
    public DbSet<ClaimSourceRow> ClaimSources => Set<ClaimSourceRow>();
    public DbSet<ClaimAliasRow> ClaimAliases => Set<ClaimAliasRow>();
    public DbSet<ClaimHistoryRow> ClaimHistory => Set<ClaimHistoryRow>();
    public DbSet<StoreInfoRow> StoreInfo => Set<StoreInfoRow>();
    public DbSet<FacetTermRow> FacetTerms => Set<FacetTermRow>();
    public DbSet<PageRow> Pages => Set<PageRow>();
    public DbSet<ArticleSentenceRow> ArticleSentences => Set<ArticleSentenceRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ClaimRow>(e =>
        {
            e.ToTable("claims");
            e.HasKey(c => c.Number);
            e.Property(c => c.Number).ValueGeneratedNever();
            e.HasIndex(c => c.Id).IsUnique();
            e.HasIndex(c => c.Slug).IsUnique();
            e.HasIndex(c => new { c.LevelRank, c.Number });
            e.HasIndex(c => c.Title);
            e.HasIndex(c => c.Reviewed);
            e.HasIndex(c => c.LevelSlug);
            e.HasIndex(c => c.CertaintyRank);
            e.HasIndex(c => new { c.Overstatement, c.Number });
            e.HasOne(c => c.Level).WithMany().HasForeignKey(c => c.LevelSlug);
            e.HasMany(c => c.Caveats).WithOne().HasForeignKey(c => c.ClaimNumber);
            e.HasMany(c => c.Conditions).WithOne().HasForeignKey(c => c.ClaimNumber);
            e.HasMany(c => c.Sources).WithOne(s => s.Claim).HasForeignKey(c => c.ClaimNumber);
            e.HasMany(c => c.Aliases).WithOne().HasForeignKey(c => c.ClaimNumber);
            e.HasMany(c => c.History).WithOne(h => h.Claim).HasForeignKey(h => h.ClaimNumber);
        });
        modelBuilder.Entity<ClaimHistoryRow>(e =>
        {
            e.ToTable("claim_history");
            e.HasKey(h => new { h.ClaimNumber, h.Position });
            e.HasIndex(h => h.Date);
        });
        modelBuilder.Entity<EvidenceLevelRow>(e =>
        {
            e.ToTable("evidence_levels");
            e.HasKey(l => l.Slug);
            e.HasIndex(l => l.Rank).IsUnique();
        });
        modelBuilder.Entity<ConditionRow>(e =>
        {
            e.ToTable("conditions");
            e.HasKey(c => c.Slug);
        });
        modelBuilder.Entity<SourceRow>(e =>
        {
            e.ToTable("sources");
            e.HasKey(s => s.Key);
        });
        modelBuilder.Entity<CaveatRow>(e =>
        {
            e.ToTable("caveats");
            e.HasKey(c => new { c.ClaimNumber, c.Position });
        });
        modelBuilder.Entity<ClaimConditionRow>(e =>
        {
            e.ToTable("claim_conditions");
            e.HasKey(c => new { c.ClaimNumber, c.ConditionSlug });
            e.HasIndex(c => new { c.ConditionSlug, c.ClaimNumber });
            e.HasOne(c => c.Condition).WithMany().HasForeignKey(c => c.ConditionSlug);
        });
        modelBuilder.Entity<ClaimSourceRow>(e =>
        {
            e.ToTable("claim_sources");
            e.HasKey(c => new { c.ClaimNumber, c.SourceKey });
            e.HasIndex(c => c.SourceKey);
            e.HasOne(c => c.Source).WithMany().HasForeignKey(c => c.SourceKey);
        });
        modelBuilder.Entity<ClaimAliasRow>(e =>
        {
            e.ToTable("claim_aliases");
            e.HasKey(a => a.Slug);
        });
        // Rows of raw FTS5 queries (the page's highlights; the tests' SQL oracle): keyless and mapped to no table, so
        // EnsureCreated ignores them.
        modelBuilder.Entity<SearchHit>().HasNoKey().ToView(null);
        modelBuilder.Entity<SearchSnippet>().HasNoKey().ToView(null);
        modelBuilder.Entity<PageRow>(e =>
        {
            e.ToTable("pages");
            e.HasKey(p => p.Slug);
        });
        modelBuilder.Entity<ArticleSentenceRow>(e =>
        {
            e.ToTable("article_sentences");
            e.HasKey(s => s.Position);
        });
        modelBuilder.Entity<FacetTermRow>(e =>
        {
            e.ToTable("facet_terms");
            e.HasKey(t => new { t.Facet, t.Slug });
        });
        modelBuilder.Entity<StoreInfoRow>(e =>
        {
            e.ToTable("store_info");
            e.HasKey(i => i.Key);
        });
    }
}
