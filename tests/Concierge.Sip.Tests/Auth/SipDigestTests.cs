using Concierge.Runtime.Randomness;
using Concierge.Sip.Auth;
using Concierge.Sip.Headers;
using Concierge.Sip.Message;
using FsCheck;
using FsCheck.Fluent;

namespace Concierge.Sip.Tests.Auth;

public class SipDigestTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Rfc2617_section_3_5_example_gives_the_published_response()
    {
        var response = SipDigest.Response(SipDigestAlgorithm.Md5, "Mufasa", "testrealm@host.com", "Circle Of Life", "GET", "/dir/index.html",
            "dcd98b7102dd2f0e8b11d0f600bfb0c093", "auth", "00000001", "0a4f113b");
        Assert.Equal("6629fae49393a05397450978507c4ef1", response);
    }

    [Theory]
    [InlineData(SipDigestAlgorithm.Md5, "8ca523f5e9506fed4657c9700eebdbec")]
    [InlineData(SipDigestAlgorithm.Sha256, "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void Rfc7616_section_3_9_1_example_used_by_rfc8760_gives_the_published_responses(SipDigestAlgorithm algorithm, string expected)
    {
        var response = SipDigest.Response(algorithm, "Mufasa", "http-auth@example.org", "Circle of Life", "GET", "/dir/index.html",
            "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "auth", "00000001", "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ");
        Assert.Equal(expected, response);
    }

    [Fact]
    public void Without_qop_the_rfc2069_form_is_used()
    {
        var ha1 = SipDigest.Ha1(SipDigestAlgorithm.Md5, "u", "r", "p");
        var ha2 = SipDigest.Ha2(SipDigestAlgorithm.Md5, "REGISTER", "sip:r");
        Assert.Equal(SipDigestAlgorithm.Md5.HexHash(ha1 + ":n:" + ha2), SipDigest.Response(SipDigestAlgorithm.Md5, "u", "r", "p", "REGISTER", "sip:r", "n", null, null, null));
    }

    private static SipRequest Register() => SipRequest.Create(SipMethod.Register, SipUri.Parse("sip:osv.example.com"),
        NameAddress.Parse("<sip:4711@osv.example.com>;tag=a"), NameAddress.Parse("<sip:4711@osv.example.com>"), "reg-1", 1,
        SipVia.Create("UDP", "192.0.2.1", 5060, "z9hG4bKreg1"));

    [Fact]
    public void Client_prefers_sha256_and_the_server_accepts_it_once_per_nonce_count()
    {
        var server = new SipDigestServer("osv.example.com", u => u == "4711" ? "secret" : null, new DeterministicRandom(1));
        var client = new SipDigestClient(new SipCredentials("4711", "secret"), new DeterministicRandom(2));
        var request = Register();
        Assert.Equal(SipDigestVerdict.Missing, server.Verify(request, Now, out _));
        var challenge = server.Challenge(request, Now);
        Assert.Equal(2, challenge.Headers.GetAll(SipHeaderNames.WwwAuthenticate).Count);
        Assert.True(client.TryAuthorize(request, challenge));
        var credentials = request.GetAuthenticationHeaders(SipHeaderNames.Authorization).Single();
        Assert.Equal("SHA-256", credentials["algorithm"]);
        Assert.Equal("00000001", credentials.NonceCount);
        Assert.Equal(SipDigestVerdict.Accepted, server.Verify(request, Now, out var user));
        Assert.Equal("4711", user);
        Assert.Equal(SipDigestVerdict.Rejected, server.Verify(request, Now, out _));
        Assert.True(client.TryAuthorize(request, challenge));
        Assert.Equal(SipDigestVerdict.Accepted, server.Verify(request, Now, out _));
    }

    [Fact]
    public void Md5_only_server_wrong_password_and_expired_nonce_are_told_apart()
    {
        var server = new SipDigestServer("r", _ => "right", new DeterministicRandom(1)) { Algorithms = [SipDigestAlgorithm.Md5] };
        var request = Register();
        var challenge = server.Challenge(request, Now);
        Assert.True(new SipDigestClient(new SipCredentials("u", "wrong"), new DeterministicRandom(3)).TryAuthorize(request, challenge));
        Assert.Equal("MD5", request.GetAuthenticationHeaders(SipHeaderNames.Authorization).Single()["algorithm"]);
        Assert.Equal(SipDigestVerdict.Rejected, server.Verify(request, Now, out _));
        Assert.True(new SipDigestClient(new SipCredentials("u", "right"), new DeterministicRandom(3)).TryAuthorize(request, challenge));
        Assert.Equal(SipDigestVerdict.Stale, server.Verify(request, Now + TimeSpan.FromMinutes(6), out _));
        Assert.False(new SipDigestClient(new SipCredentials("u", "right", Realm: "other"), new DeterministicRandom(3)).TryAuthorize(request, challenge));
    }

    [Fact]
    public void Client_and_server_agree_for_any_user_password_and_algorithm()
    {
        var text = ArbMap.Default.GeneratorFor<NonEmptyString>().Select(s => s.Get.Replace("\"", "", StringComparison.Ordinal).Replace("\\", "", StringComparison.Ordinal))
            .Where(s => s.Length > 0 && s.All(c => c >= 0x20 && c < 0x7f));
        var gen = from user in text from password in text from sha in ArbMap.Default.GeneratorFor<bool>() from seed in ArbMap.Default.GeneratorFor<ulong>()
                  select (user, password, sha, seed);
        Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var server = new SipDigestServer("realm", u => u == x.user ? x.password : null, new DeterministicRandom(x.seed))
            {
                Algorithms = x.sha ? [SipDigestAlgorithm.Sha256] : [SipDigestAlgorithm.Md5],
            };
            var request = Register();
            var client = new SipDigestClient(new SipCredentials(x.user, x.password), new DeterministicRandom(x.seed + 1));
            return client.TryAuthorize(request, server.Challenge(request, Now)) && server.Verify(request, Now, out var who) == SipDigestVerdict.Accepted && who == x.user;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Without_qop_offered_the_client_answers_as_rfc_2069_and_is_accepted()
    {
        var server = new SipDigestServer("osv", u => u, new DeterministicRandom(1)) { Algorithms = [SipDigestAlgorithm.Md5], OfferQop = false };
        var request = Register();
        var challenge = server.Challenge(request, Now);
        Assert.Null(challenge.GetAuthenticationHeaders(SipHeaderNames.WwwAuthenticate).Single().Qop);
        Assert.True(new SipDigestClient(new SipCredentials("4711", "4711"), new DeterministicRandom(2)).TryAuthorize(request, challenge));
        var credentials = request.GetAuthenticationHeaders(SipHeaderNames.Authorization).Single();
        Assert.Null(credentials.Qop);
        Assert.Null(credentials.NonceCount);
        Assert.Equal(SipDigestVerdict.Accepted, server.Verify(request, Now, out var user));
        Assert.Equal("4711", user);
    }
}
