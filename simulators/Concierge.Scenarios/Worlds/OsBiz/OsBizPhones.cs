using Concierge.Scenarios.Systems;
using Concierge.Simulators.OsBiz;

namespace Concierge.Scenarios.Worlds.OsBiz;

/// <summary>
/// The devices of an OpenScape Business site that answer and hang up: desk phones, the alternative number's phone in
/// the public network and the Unify Phone clients (answering over the connector trunk). Forwarding and busy states of
/// the office phones are not simulated on OpenScape Business; those steps say so.
/// </summary>
internal sealed class OsBizPhones(UnifyPhoneSite site) : IPhones
{
    private static NotSupportedException NotOnOsBiz(string what) => new($"{what} is not simulated on OpenScape Business (only Unify Phone routing is)");

    public void SetBusy(string number) => throw NotOnOsBiz("a busy phone");

    public void SetNoAnswer(string number) { } // phones ring until a step answers them: this is what they do anyway

    public void SetAnswersAfter(string number, TimeSpan delay) => throw NotOnOsBiz("answering after a delay");

    public void SetForwardingUnconditional(string number, string destination) => throw NotOnOsBiz("call forwarding unconditional");

    public string? ForwardingUnconditional(string number) => null;

    public void Answer(string number)
    {
        var system = site.Main;
        if (UnifyPhoneUserAt(number) is { } email)
        {
            if (!site.Connector.Answer(email)) throw new InvalidOperationException($"the Unify Phone of {number} has no ringing call");
            return;
        }
        if (!system.AnswerAt(number)) throw new InvalidOperationException($"{number} has no ringing call");
    }

    public void Reject(string number) => throw NotOnOsBiz("rejecting a call");

    public void HangUp(string number)
    {
        if (UnifyPhoneUserAt(number) is { } email)
        {
            site.Connector.HangUp(email);
            return;
        }
        if (!site.Main.HangUpAt(number)) throw new InvalidOperationException($"{number} has no connected call");
    }

    public void Dial(string number, string destination) => throw NotOnOsBiz("dialling from an office phone");

    // a Unify Phone client is shown under its user's own internal call number, which no desk phone shares
    private string? UnifyPhoneUserAt(string number) => site.Main.Users.Values.FirstOrDefault(u => site.Main.UnifyPhoneNumberOf(u) == number)?.Email;
}
