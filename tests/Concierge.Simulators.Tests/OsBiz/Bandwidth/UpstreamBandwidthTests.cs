using Concierge.Simulators.OsBiz.Bandwidth;

namespace Concierge.Simulators.Tests.OsBiz.Bandwidth;

public class UpstreamBandwidthTests
{
    [Theory]
    [InlineData(2048, 16)]
    [InlineData(2047, 15)]
    [InlineData(128, 1)]
    [InlineData(127, 0)]
    [InlineData(0, 0)]
    [InlineData(10240, 80)]
    public void One_call_per_128_kbit_of_upstream(int upstreamKbps, int calls) => Assert.Equal(calls, UpstreamBandwidth.CallsFor(upstreamKbps));

    [Fact]
    public void A_negative_upstream_is_refused() => Assert.Throws<ArgumentOutOfRangeException>(() => UpstreamBandwidth.CallsFor(-1));
}
