using Concierge.Csta.Devices;
using Concierge.Csta.Messages;
using Concierge.Csta.Session;

namespace Concierge.Csta.Tests.Devices;

public sealed class BusyLampFieldTests
{
    [Fact]
    public void Notifies_only_real_changes_and_ignores_devices_not_in_the_field()
    {
        var field = new BusyLampField();
        var changes = new List<DeviceStateChanged>();
        field.Changed += changes.Add;
        field.Add("3001");
        field.Add("3001");
        Assert.Equal(1, field.Count);
        field.Apply("3001", new DoNotDisturbEvent("1", "3001", true));
        field.Apply("3001", new DoNotDisturbEvent("1", "3001", true));
        field.Apply("9999", new DoNotDisturbEvent("1", "9999", true));
        var change = Assert.Single(changes);
        Assert.Equal(LampState.Unknown, change.Previous.Lamp);
        Assert.Equal(LampState.DoNotDisturb, change.Current.Lamp);

        field.MarkAllUnknown();
        Assert.Equal(LampState.Unknown, field.StateOf("3001")!.Lamp);
        field.Resync(new DeviceResync("3001", null, null, false));
        Assert.Equal(LampState.Idle, field.StateOf("3001")!.Lamp);
        Assert.Equal(3, changes.Count);
        field.Remove("3001");
        Assert.Null(field.StateOf("3001"));
    }
}
