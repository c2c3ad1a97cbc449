using System.Reflection;

namespace Linchpin.Data;

/// <summary>
/// The datasets shipped with Linchpin (embedded in this assembly from <c>data/</c>; provenance
/// in <c>data/SOURCES.md</c>), and the ones a user may import from their own copy.
/// </summary>
public static class DatasetCatalog
{
    private const string ResourcePrefix = "Linchpin.Data.";

    private const string CowTerms = "Correlates of War data: free for research use; cite the dataset publication.";
    private const string AtopTerms = "ATOP: free for research use with citation.";
    private const string AtopCitation =
        "Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell, and Andrew G. Long. 2002. "
        + "\"Alliance Treaty Obligations and Provisions, 1815-1944.\" International Interactions 28: 237-60.";
    private const string NmcCitation =
        "Singer, J. David, Stuart Bremer, and John Stuckey. 1972. \"Capability Distribution, Uncertainty, and Major Power War, "
        + "1820-1965.\" In Bruce Russett (ed.), Peace, War, and Numbers. Beverly Hills: Sage, 19-48; Singer, J. David. 1987. "
        + "\"Reconstructing the Correlates of War Dataset on Material Capabilities of States, 1816-1985.\" "
        + "International Interactions 14: 115-32. National Material Capabilities v7.0.";
    private const string StatesCitation =
        "Correlates of War Project. 2017. \"State System Membership List, v2016.\" http://correlatesofwar.org.";
    private const string TranscribedTerms =
        "Figures published by governments and NATO, transcribed from the cited pages; cite the original publisher.";

    private static ColumnInfo Int(string name, string meaning) => new(name, "INTEGER", meaning);

    private static ColumnInfo Big(string name, string meaning) => new(name, "BIGINT", meaning);

    private static ColumnInfo Dbl(string name, string meaning) => new(name, "DOUBLE", meaning);

    private static ColumnInfo Text(string name, string meaning) => new(name, "VARCHAR", meaning);

    private static ColumnInfo Bool(string name, string meaning) => new(name, "BOOLEAN", meaning);

    private static readonly ColumnInfo[] AtopProvisions =
    [
        Int("atop_defense", "1 if ccode1 pledges active military support to ccode2 if it is attacked"),
        Int("atop_offense", "1 if ccode1 pledges active military support to ccode2 in a war it starts"),
        Int("atop_neutral", "1 if ccode1 pledges neutrality in a conflict involving ccode2"),
        Int("atop_nonagg", "1 if ccode1 pledges not to attack ccode2"),
        Int("atop_consul", "1 if ccode1 pledges to consult ccode2 in a crisis"),
    ];

    /// <summary>The shipped datasets, in the order <c>linchpin data list</c> shows them.</summary>
    public static IReadOnlyList<DatasetInfo> Shipped { get; } =
    [
        new("cow_states", "COW State System Membership", "2016", "states2016.csv", new(1816, 2016),
            StatesCitation, CowTerms,
            "github CenterForPeaceAndSecurityStudies/ISAF inst/extdata/states2016.csv (identical to COW's states2016.csv)",
            DatasetOrigin.Shipped,
            [
                Text("stateabb", "COW state abbreviation"), Int("ccode", "COW state code"), Text("statenme", "state name"),
                Int("styear", "spell start year"), Int("stmonth", "spell start month"), Int("stday", "spell start day"),
                Int("endyear", "spell end year (2016 = still a member at the end of the list)"), Int("endmonth", "spell end month"),
                Int("endday", "spell end day"), Int("version", "list version"),
            ]),
        new("cow_iso3", "COW state codes with ISO 3166-1 alpha-3 codes", "2016", "cow_iso3.csv", new(1816, 2016),
            StatesCitation + " ISO3 codes assigned by the Linchpin developers following the countrycode R package's cown-to-iso3c convention.",
            CowTerms, "COW country codes (ccodes.csv) with an ISO3 column added by the Linchpin developers", DatasetOrigin.Shipped,
            [
                Int("ccode", "COW state code"), Text("stateabb", "COW abbreviation"), Text("statenme", "COW state name"),
                Text("iso3", "ISO 3166-1 alpha-3 code; empty where the state has none"), Text("note", "mapping convention, if any"),
            ]),
        new("capitals_natural_earth", "Capital cities by COW state (Natural Earth)", "ne-110m@693f114", "capitals_natural_earth.csv", new(2016, 2016),
            "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com (Natural Earth 1:110m populated places).",
            "Public domain (Natural Earth terms of use: no permission needed; crediting Natural Earth is appreciated).",
            "github nvkelso/natural-earth-vector geojson/ne_110m_populated_places_simple.geojson at commit 693f11422f4e08d2da4566b854dda53eb7c39fb3: "
            + "features with featurecla 'Admin-0 capital', matched to the COW states of 2016 through cow_iso3",
            DatasetOrigin.Shipped,
            [
                Int("ccode", "COW state code (the states in the COW system at the end of 2016)"), Text("stateabb", "COW abbreviation"),
                Text("statenme", "COW state name"), Text("iso3", "ISO 3166-1 alpha-3 (cow_iso3)"), Text("ne_adm0_a3", "Natural Earth's adm0_a3 of the feature"),
                Text("capital", "capital as Natural Earth names it"), Dbl("lat", "latitude, decimal degrees (the feature's point); empty where missing"),
                Dbl("lon", "longitude, decimal degrees; empty where missing"), Text("source", "file, commit and feature class, or why the capital is missing"),
            ]),
        new("atop_ddy", "ATOP directed dyad-years", "5.1", "atop5_1_directed_dyad_year.csv", new(1815, 2018),
            AtopCitation, AtopTerms,
            "ATOP atop5_1ddyr as distributed by the peacesciencer R package (data/atop_alliance.rda), converted to CSV",
            DatasetOrigin.Shipped,
            [Int("ccode1", "COW code of the state making the pledges"), Int("ccode2", "COW code of the state they are made to"),
             Int("year", "year"), .. AtopProvisions]),
        new("atop_sy", "ATOP state-years", "5.1", "atop5_1sy.csv", new(1815, 2018),
            AtopCitation, AtopTerms, "github dfshapir/atop_diss atop5_1sy.csv", DatasetOrigin.Shipped, null),
        new("atop_alliance", "ATOP alliance-level treaty data", "4.01", "atop4_01a.csv", new(1815, 2016),
            AtopCitation, AtopTerms, "github CenterForPeaceAndSecurityStudies/ISAF inst/extdata/atop/atop4_01a.csv",
            DatasetOrigin.Shipped, null),
        new("atop_member", "ATOP member-level treaty data (per-member obligations)", "4.01", "atop4_01m.csv", new(1815, 2016),
            AtopCitation, AtopTerms, "github CenterForPeaceAndSecurityStudies/ISAF inst/extdata/atop/atop4_01m.csv",
            DatasetOrigin.Shipped, null),
        new("nmc", "COW National Material Capabilities (abridged)", "7.0", "NMC_7_0_abridged_peacesciencer.csv", new(1816, 2022),
            NmcCitation, CowTerms,
            "COW NMC-70-abridged.csv as distributed by the peacesciencer R package (data/cow_nmc.rda; -9 turned into missing)",
            DatasetOrigin.Shipped,
            [
                Int("ccode", "COW state code"), Int("year", "year"),
                Big("milex", "military expenditure, thousands of current US$"), Big("milper", "military personnel, thousands"),
                Big("irst", "iron and steel production, thousands of tons"), Big("pec", "primary energy consumption, thousands of coal-ton equivalents"),
                Dbl("tpop", "total population, thousands (NMC publishes a few fractional values, e.g. 4517.6, kept as published)"), Dbl("upop", "urban population, thousands (fractional values kept as published)"),
                Dbl("cinc", "Composite Index of National Capability: mean share of the system total over the six components"),
            ]),
        new("fariss_gdppop", "Latent GDP and population estimates (Fariss et al.), COW state-years", "2024-04-16", "fariss_gdppop_cow_isard.csv",
            new(1816, 2019),
            "Fariss, Christopher J., Therese Anders, Jonathan N. Markowitz, and Miriam Barnum. 2022. \"New Estimates of Over 500 Years "
            + "of Historic GDP and Population Data.\" Journal of Conflict Resolution 66(3): 553-91.",
            "Research use with citation (also cite the Maddison Project and Penn World Table anchors).",
            "github svmiller/isard data/cw_gdppop.rda, converted to CSV", DatasetOrigin.Shipped,
            [
                Int("ccode", "COW state code"), Int("year", "year"),
                Dbl("mrgdppc", "real GDP per capita, 2011 international dollars (PPP), Maddison-anchored"), Dbl("sd_mrgdppc", "its standard deviation"),
                Dbl("pwtrgdp", "real GDP, millions of 2017 international dollars (PPP), Penn World Table-anchored"), Dbl("sd_pwtrgdp", "its standard deviation"),
                Dbl("pwtpop", "population, millions"), Dbl("sd_pwtpop", "its standard deviation"),
            ]),
        new("maddison", "Maddison Project Database 2023", "2023", "maddison_mpd.csv", new(1, 2022),
            "Bolt, Jutta and Jan Luiten van Zanden. 2024. \"Maddison style estimates of the evolution of the world economy: "
            + "A new 2023 update.\" Journal of Economic Surveys 1-41.",
            "CC BY 4.0 (attribution).", "Maddison Project Database 2023 'Full data' via the MaddisonData R package", DatasetOrigin.Shipped,
            [
                Text("countrycode", "ISO3 (plus historical codes such as SUN, CSK, YUG)"), Text("country", "country name"),
                Text("region", "region"), Int("year", "year"),
                Dbl("gdppc", "real GDP per capita, 2011 international dollars (PPP)"), Dbl("pop", "population, thousands"),
            ]),
        new("nato_pct_gdp", "NATO defence expenditure as % of GDP, by edition", "2025-08", "nato_defence_pct_gdp.csv", new(2014, 2025),
            "NATO Public Diplomacy Division, \"Defence Expenditure of NATO Countries\" (editions 2019-06 to 2025-08) and the "
            + "NATO Secretary General's Annual Reports 2021-2024, as quoted in the sources named per row.",
            TranscribedTerms, "transcribed from secondary sources quoting NATO; the source of each row is in its 'source' column",
            DatasetOrigin.Shipped,
            [
                Text("country", "ally"), Text("iso3", "ISO3 code"), Int("year", "year"), Dbl("pct_gdp", "defence expenditure, % of GDP"),
                Bool("estimate", "the edition's latest year, an estimate"), Text("edition", "NATO release the figure comes from"),
                Text("source", "page the figure was transcribed from"), Text("note", "remarks"),
            ]),
        new("nato_2012_2019", "Defence Expenditure of NATO Countries (2012-2019)", "2019-06", "nato_2012_2019_passport.csv", new(2012, 2019),
            "NATO, \"Defence Expenditure of NATO Countries (2012-2019)\", press release PR/CP(2019)069, 25 June 2019.",
            "NATO publishes these tables openly; cite the release.",
            "github alistaire47/passport data/nato.rda, converted to CSV", DatasetOrigin.Shipped, null),
        new("nato_equipment", "NATO equipment expenditure as % of defence expenditure (partial)", "2024-07", "nato_equipment_share_partial.csv",
            new(2014, 2024), "NATO figures as tabulated by ICDS (Tallinn) and the press; see the source column.",
            TranscribedTerms, "transcribed; partial (not every ally)", DatasetOrigin.Shipped,
            [
                Text("country", "ally"), Text("iso3", "ISO3 code"), Int("year", "year"),
                Dbl("equipment_pct_of_defexp", "equipment expenditure, % of defence expenditure"), Bool("estimate", "estimate"),
                Text("edition", "release"), Text("source", "page transcribed from"), Text("note", "remarks"),
            ]),
        new("nato_members", "NATO member countries and their accession years", "2024", "nato_members.csv", new(1949, 2024),
            "NATO, \"NATO member countries\", https://www.nato.int/cps/en/natohq/topics_52044.htm (accession dates of the 32 allies).",
            "Facts published openly by NATO; cite NATO.", "compiled from NATO's list of member countries", DatasetOrigin.Shipped,
            [Text("iso3", "ISO3 code"), Text("country", "ally"), Int("accession_year", "year the ally joined (1949 for the founders)")]),
        new(StartYearSpending.NationalBudgetDataset, "Defence budgets as % of GDP, US allies outside NATO (national budget basis)", "2025",
            "defence_budget_pct_gdp.csv", new(2010, 2025),
            "Republic of Korea Ministry of National Defense, 'Defence budget trend' (original budgets and % of GDP, 1975-2024); Japan Ministry "
            + "of Defense, Defense of Japan 2020, 2022 and 2023, and cabinet budget decisions; Japan Cabinet Office national accounts; Philippine "
            + "General Appropriations (DND), Bangko Sentral ng Pilipinas and Philippine Statistics Authority GDP; Australian federal budgets as "
            + "summarised by ASPI and Janes; as quoted in the sources named per row.",
            "Government publications (budgets, white papers, national accounts), transcribed from the cited pages; cite the government and the page.",
            "transcribed; % of GDP computed from the published budget and GDP where both were found, else the government's published ratio (method column)",
            DatasetOrigin.Shipped,
            [
                Text("iso3", "ISO3 code"), Text("country", "country"), Int("year", "calendar year the figure is counted in"),
                Text("fiscal_year", "the budget year as the government names it (FY2019, 2019-20)"),
                Dbl("pct_gdp", "defence budget, % of nominal GDP (national currency, current prices); empty where no GDP was found"),
                Bool("estimate", "the ratio rests on provisional GDP"),
                Text("method", "computed (100 x budget / GDP, two decimals) or published (the government's ratio as printed)"),
                Dbl("budget_lcu_bn", "defence budget, billions of current national currency"),
                Dbl("gdp_lcu_bn", "nominal GDP used, billions of current national currency (computed rows)"),
                Text("currency", "ISO 4217 currency of the amounts"), Text("concept", "budget concept and GDP basis"),
                Text("source", "where each amount was read"), Text("note", "remarks"),
            ]),
        new("us_rok_sma", "US-ROK Special Measures Agreement contributions", "2026", "us_rok_sma.csv", new(1991, 2026),
            "Republic of Korea Ministry of National Defense, 2018 Defense White Paper, p. 181, Chart 5-1; ROK Ministry of Foreign "
            + "Affairs releases; press as named per row.",
            TranscribedTerms, "transcribed; 2023 and 2024 amounts not found (empty)", DatasetOrigin.Shipped,
            [
                Int("sma", "agreement number (1st ... 12th SMA)"), Int("year", "year"),
                Dbl("krw_billion", "ROK contribution, billions of current won"), Dbl("usd_million", "agreed amount, millions of current US$ (1991-2004)"),
                Dbl("pct_change_printed", "change on the year before, % as printed by the source"), Text("note", "remarks"), Text("source", "source"),
            ]),
        new("us_rok_sma_events", "US-ROK cost-sharing negotiation events", "2026", "us_rok_sma_events.csv", new(1991, 2026),
            "ROK MOFA and MND releases and press reports as named per row.", TranscribedTerms, "transcribed", DatasetOrigin.Shipped,
            [Text("date", "ISO date"), Text("event", "what happened"), Text("source", "source")]),
        new("us_japan_hns", "US-Japan host-nation support", "2022", "us_japan_hns.csv", new(1978, 2026),
            "Japan Ministry of Defense budgets and Special Measures Agreements as reported in the press named per row.",
            TranscribedTerms, "transcribed; not a complete yearly series", DatasetOrigin.Shipped,
            [
                Text("period", "fiscal year or span, e.g. FY2016-FY2020"),
                Text("kind", "annual_budget, annual_sma_level, annual_average, agreement_total or actual_total"),
                Dbl("jpy_billion", "billions of current yen"), Text("agreement", "agreement"), Text("note", "remarks"), Text("source", "source"),
            ]),
        new("us_troops", "US troops in Japan and Korea (as printed)", "2025", "us_troops_japan_korea.csv", new(2003, 2025),
            "US Department of Defense, US Forces Japan, ROK MOFA, as quoted in the sources named per row.", TranscribedTerms,
            "transcribed", DatasetOrigin.Shipped,
            [
                Text("host", "host country"), Int("year", "year"), Text("us_troops_as_printed", "troop number as printed, often approximate"),
                Text("attribution", "who gave the number"), Text("source", "source"),
            ]),
        new("tss_rivalries", "Strategic rivalries (Thompson, Sakuwa and Suhas)", "2021", "tss_rivalries_peacesciencer.csv", new(1494, 2020),
            "Thompson, William R., Kentaro Sakuwa, and Prashant Hosur Suhas. 2021. Analyzing Strategic Rivalries in World Politics. Springer.",
            "Research use with citation.", "the peacesciencer R package, data/tss_rivalries.rda, converted to CSV", DatasetOrigin.Shipped,
            [
                Int("tssr_id", "rivalry id"), Text("rivalry", "name"), Int("ccode1", "COW code (lower)"), Int("ccode2", "COW code (higher)"),
                Int("start", "first year"), Int("end", "last year"), Int("positional", "1 if positional"), Int("spatial", "1 if spatial"),
                Int("ideological", "1 if ideological"), Int("interventionary", "1 if interventionary"), Int("principal", "1 if principal"),
                Int("aprin", "1 if asymmetric principal"),
            ]),
        new("cow_majors", "COW major powers", "2016", "cow_majors_2016_peacesciencer.csv", new(1816, 2016),
            StatesCitation, CowTerms, "the peacesciencer R package, data/cow_majors.rda, converted to CSV", DatasetOrigin.Shipped,
            [
                Int("ccode", "COW code"), Int("styear", "start year"), Int("stmonth", "start month"), Int("stday", "start day"),
                Int("endyear", "end year"), Int("endmonth", "end month"), Int("endday", "end day"), Int("version", "version"),
            ]),
    ];

    /// <summary>Finds a shipped dataset by name (case-insensitive), or <c>null</c>.</summary>
    public static DatasetInfo? FindShipped(string name) =>
        Shipped.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Opens the embedded copy of a shipped dataset.</summary>
    /// <exception cref="LinchpinException">The dataset is not shipped (a data error).</exception>
    public static Stream OpenShipped(DatasetInfo dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return typeof(DatasetCatalog).Assembly.GetManifestResourceStream(ResourcePrefix + dataset.FileName)
            ?? throw LinchpinException.NoData($"dataset '{dataset.Name}' is not embedded in this build ({dataset.FileName})");
    }

    /// <summary>The Linchpin version that made an output, as recorded in manifests.</summary>
    public static string ToolVersion { get; } =
        typeof(DatasetCatalog).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "unknown";
}
