using Concierge.Simulators.OsBiz.Capacity;

namespace Concierge.Simulators.Tests.OsBiz.Capacity;

public class SystemModelTests
{
    [Theory]
    [InlineData("V2", "X1", "basic", 50)]
    [InlineData("V2", "X3", "basic", 150)]
    [InlineData("V2", "X8", "advanced", 150)]
    [InlineData("V3", "X1W", "basic", 150)]
    [InlineData("V3", "X5", "advanced", 500)]
    [InlineData("S", "S", "standard", 500)]
    [InlineData("S", "S", "basic", 150)]
    public void The_capacity_depends_on_the_model(string mainboard, string model, string edition, int users) =>
        Assert.Equal(((int?)users, (string?)null), SystemModel.UnifyPhoneUsers(mainboard, model, edition));

    [Theory]
    [InlineData("V2", "X1W", "basic", "model 'X1W' is not a V2 model (X1, X3, X5, X8)")]
    [InlineData("V4", "X5", "basic", "mainboard 'V4' is not V2, V3 or S")]
    [InlineData("V3", "X5", "premium", "edition 'premium' is not basic, standard or advanced")]
    public void Unknown_models_are_named(string mainboard, string model, string edition, string problem) =>
        Assert.Equal(problem, SystemModel.UnifyPhoneUsers(mainboard, model, edition).Problem);
}
