namespace Linchpin.Simulation;

/// <summary>
/// The default hazard of an ally hedging, fitted on ATOP 4.01 member-years 1945–2016: a
/// discrete-time complementary log-log model of a member leaving a standing alliance, with NMC 7.0
/// military expenditure for the power change (<c>Linchpin.Validation.MemberExitHazard</c>, model 2;
/// docs/models/validation.md). Each estimate comes with its standard error; a test refits the
/// model on the shipped data and checks these figures to the digits given here.
/// </summary>
/// <remarks>
/// 34,384 member-years with NMC expenditure, 42 exits. The level is the hazard at the reference
/// age with every covariate at 0; the data have no net-benefit measure, so the simulation reads it
/// as the hazard at zero net benefit (an assumption).
/// </remarks>
public static class MemberExitDefaults
{
    /// <summary>Yearly hazard at the reference age (30 years), every covariate 0: <c>exp(b0)</c>, b0 = −7.6126.</summary>
    public const double BaseHazard = 0.0004942;

    /// <summary>Standard error of <see cref="BaseHazard"/> (delta method on b0's 0.3448).</summary>
    public const double BaseHazardSe = 0.0001704;

    /// <summary>Weibull shape k = 1 + the coefficient of ln(age/30).</summary>
    public const double Shape = 1.095;

    /// <summary>Standard error of <see cref="Shape"/>.</summary>
    public const double ShapeSe = 0.1545;

    /// <summary>Log-hazard coefficient of |Δ share| of the alliance's military expenditure.</summary>
    public const double PowerChange = 3.461;

    /// <summary>Standard error of <see cref="PowerChange"/>.</summary>
    public const double PowerChangeSe = 1.348;

    /// <summary>Log-hazard coefficient of entering another alliance within 3 years.</summary>
    public const double OutsideAlliance = 0.4819;

    /// <summary>Standard error of <see cref="OutsideAlliance"/>.</summary>
    public const double OutsideAllianceSe = 0.3352;

    /// <summary>Log-hazard coefficient of a non-major member of an alliance with a COW major power.</summary>
    public const double Asymmetric = 1.446;

    /// <summary>Standard error of <see cref="Asymmetric"/>.</summary>
    public const double AsymmetricSe = 0.3478;
}
