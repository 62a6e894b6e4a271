using System.Data.Common;
using System.Globalization;
using Concierge.Config.Numbers;

namespace Concierge.Store;

/// <summary>Reads column values the same way from SQLite and PostgreSQL (whose integer widths differ).</summary>
internal static class StoreRows
{
    public static long Long(this DbDataReader r, int i) => Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);

    public static long? LongOrNull(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.Long(i);

    public static int Int(this DbDataReader r, int i) => checked((int)r.Long(i));

    public static int? IntOrNull(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.Int(i);

    public static bool Flag(this DbDataReader r, int i) => r.Long(i) != 0;

    public static string? Str(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public static TimeSpan Duration(this DbDataReader r, int i) => TimeSpan.FromMilliseconds(r.Long(i));

    public static TimeSpan? DurationOrNull(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.Duration(i);

    public static E164Number Number(this DbDataReader r, int i) => E164Number.Parse(r.GetString(i));

    public static E164Number? NumberOrNull(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.Number(i);

    public static DateTimeOffset Time(this DbDataReader r, int i) => DateTimeOffset.FromUnixTimeMilliseconds(r.Long(i));

    public static DateTimeOffset? TimeOrNull(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.Time(i);

    public static long Ms(TimeSpan value) => (long)value.TotalMilliseconds;

    public static long? Ms(TimeSpan? value) => value is { } v ? Ms(v) : null;

    public static long Ms(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static long? Ms(DateTimeOffset? value) => value?.ToUnixTimeMilliseconds();
}
