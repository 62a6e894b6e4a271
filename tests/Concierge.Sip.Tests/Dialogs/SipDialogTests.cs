using Concierge.Sip.Dialogs;
using Concierge.Sip.Headers;
using Concierge.Sip.Message;

namespace Concierge.Sip.Tests.Dialogs;

public class SipDialogTests
{
    private static SipRequest Invite()
    {
        var invite = SipRequest.Create(SipMethod.Invite, SipUri.Parse("sip:bob@example.com"), NameAddress.Parse("<sip:alice@example.com>;tag=a1"),
            NameAddress.Parse("<sip:bob@example.com>"), "dlg-1", 5, SipVia.Create("UDP", "192.0.2.1", 5060, "z9hG4bKd1"));
        invite.Headers.Add(SipHeaderNames.Contact, "<sip:alice@192.0.2.1:5060>");
        invite.Headers.Add(SipHeaderNames.RecordRoute, "<sip:p2.example.com;lr>");
        invite.Headers.Add(SipHeaderNames.RecordRoute, "<sip:p1.example.com;lr>");
        return invite;
    }

    private static SipResponse Ok(SipRequest invite, string contact = "<sip:bob@192.0.2.2:5062>")
    {
        var ok = SipResponse.CreateFor(invite, 200);
        ok.To = invite.To!.WithTag("b1");
        ok.Headers.CopyAllFrom(invite.Headers, SipHeaderNames.RecordRoute);
        ok.Headers.Add(SipHeaderNames.Contact, contact);
        return ok;
    }

    [Fact]
    public void Uac_route_set_is_the_reversed_record_route_and_requests_use_loose_routing()
    {
        var invite = Invite();
        var dialog = SipDialog.FromUacResponse(invite, Ok(invite))!;
        Assert.Equal(new SipDialogId("dlg-1", "a1", "b1"), dialog.Id);
        Assert.Equal(new[] { "p1.example.com", "p2.example.com" }, dialog.RouteSet.Select(r => r.Uri.Host));
        var bye = dialog.CreateRequest(SipMethod.Bye, SipVia.Create("UDP", "192.0.2.1", 5060, "z9hG4bKbye"));
        Assert.Equal("sip:bob@192.0.2.2:5062", bye.RequestUriText);
        Assert.Equal(new[] { "p1.example.com", "p2.example.com" }, bye.Routes.Select(r => r.Uri.Host));
        Assert.Equal(new SipCSeq(6, SipMethod.Bye), bye.CSeq);
        Assert.Equal("b1", bye.To!.Tag);
        Assert.Equal("p1.example.com", dialog.NextHopUri.Host);
    }

    [Fact]
    public void Uas_route_set_keeps_record_route_order_and_targets_the_callers_contact()
    {
        var dialog = SipDialog.FromUasRequest(Invite(), "b1", confirmed: true)!;
        Assert.Equal(new SipDialogId("dlg-1", "b1", "a1"), dialog.Id);
        Assert.Equal(new[] { "p2.example.com", "p1.example.com" }, dialog.RouteSet.Select(r => r.Uri.Host));
        var bye = dialog.CreateRequest(SipMethod.Bye, SipVia.Create("UDP", "192.0.2.2", 5060, "z9hG4bKbye2"));
        Assert.Equal("sip:alice@192.0.2.1:5060", bye.RequestUriText);
        Assert.Equal("b1", bye.From!.Tag);
        Assert.Equal("a1", bye.To!.Tag);
        Assert.Equal(1u, bye.CSeq!.Value.Number);
    }

    [Fact]
    public void Strict_router_first_in_the_route_set_becomes_the_request_uri()
    {
        var invite = Invite();
        invite.Headers.Remove(SipHeaderNames.RecordRoute);
        invite.Headers.Add(SipHeaderNames.RecordRoute, "<sip:strict.example.com>");
        var dialog = SipDialog.FromUacResponse(invite, Ok(invite))!;
        var bye = dialog.CreateRequest(SipMethod.Bye, SipVia.Create("UDP", "192.0.2.1", 5060, "z9hG4bKs"));
        Assert.Equal("sip:strict.example.com", bye.RequestUriText);
        Assert.Equal("sip:bob@192.0.2.2:5062", bye.Routes.Last().Uri.ToString());
    }

    [Fact]
    public void Remote_cseq_must_increase_except_for_ack_and_cancel()
    {
        var dialog = SipDialog.FromUasRequest(Invite(), "b1", confirmed: true)!;
        SipRequest Request(string method, uint number)
        {
            var r = SipRequest.Create(method, SipUri.Parse("sip:bob@192.0.2.2"), NameAddress.Parse("<sip:alice@example.com>;tag=a1"),
                NameAddress.Parse("<sip:bob@example.com>;tag=b1"), "dlg-1", number, SipVia.Create("UDP", "192.0.2.1", 5060, "z9hG4bKx"));
            return r;
        }
        Assert.True(dialog.AcceptRemoteSequence(Request(SipMethod.Ack, 5)));
        Assert.False(dialog.AcceptRemoteSequence(Request(SipMethod.Info, 5)));
        Assert.True(dialog.AcceptRemoteSequence(Request(SipMethod.Info, 6)));
        Assert.False(dialog.AcceptRemoteSequence(Request(SipMethod.Bye, 4)));
        Assert.True(dialog.AcceptRemoteSequence(Request(SipMethod.Bye, 10)));
    }

    [Fact]
    public void Early_dialog_is_confirmed_by_the_2xx_which_refreshes_target_and_routes()
    {
        var invite = Invite();
        var ringing = SipResponse.CreateFor(invite, 180);
        ringing.To = invite.To!.WithTag("b1");
        ringing.Headers.Add(SipHeaderNames.Contact, "<sip:bob@198.51.100.9>");
        var dialog = SipDialog.FromUacResponse(invite, ringing)!;
        Assert.Equal(SipDialogState.Early, dialog.State);
        Assert.Empty(dialog.RouteSet);
        dialog.Confirm(Ok(invite));
        Assert.Equal(SipDialogState.Confirmed, dialog.State);
        Assert.Equal("192.0.2.2", dialog.RemoteTarget.Host);
        Assert.Equal(2, dialog.RouteSet.Count);
    }

    [Fact]
    public void Replaces_names_the_dialog_from_the_peers_side()
    {
        var invite = Invite();
        var uac = SipDialog.FromUacResponse(invite, Ok(invite))!;
        var uas = SipDialog.FromUasRequest(invite, "b1", confirmed: true)!;
        Assert.Equal(uas.Id, SipReplacesDialog.ForPeerOf(uac).ReceiverDialogId());
    }
}
