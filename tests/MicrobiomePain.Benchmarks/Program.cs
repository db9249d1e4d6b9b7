using BenchmarkDotNet.Running;

// `dotnet run -c Release --project tests/MicrobiomePain.Benchmarks -- --filter '*'` (arguments are BenchmarkDotNet's).
BenchmarkSwitcher.FromAssembly(typeof(MicrobiomePain.Benchmarks.ParseBenchmarks).Assembly).Run(args);
