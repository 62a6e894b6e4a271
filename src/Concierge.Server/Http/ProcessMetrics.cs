namespace Concierge.Server.Http;

/// <summary>
/// The process's memory in the Prometheus text format: resident memory, the managed heap after the last collection
/// and the collections so far (to see whether a load leaves memory behind: tests/load/sipp-cps.sh).
/// </summary>
public static class ProcessMetrics
{
    /// <summary>The process metrics now.</summary>
    public static string Write()
    {
        var text = new PrometheusText();
        var gc = GC.GetGCMemoryInfo();
        text.Metric("process_resident_memory_bytes", "gauge", "Resident memory of the process.")
            .Sample("process_resident_memory_bytes", Environment.WorkingSet);
        text.Metric("dotnet_gc_heap_size_bytes", "gauge", "Managed heap size after the last garbage collection.")
            .Sample("dotnet_gc_heap_size_bytes", gc.HeapSizeBytes);
        text.Metric("dotnet_gc_allocated_bytes_total", "counter", "Bytes allocated on the managed heap since the start.")
            .Sample("dotnet_gc_allocated_bytes_total", GC.GetTotalAllocatedBytes());
        text.Metric("dotnet_gc_collections_total", "counter", "Garbage collections since the start, by generation.");
        for (var generation = 0; generation <= GC.MaxGeneration; generation++)
            text.Sample("dotnet_gc_collections_total", GC.CollectionCount(generation), ("generation", generation.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return text.ToString();
    }
}
