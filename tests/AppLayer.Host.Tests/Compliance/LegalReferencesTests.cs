using AppLayer.Core.LegalChanges;

namespace AppLayer.Host.Tests.Compliance;

public sealed class LegalReferencesTests
{
    [Theory]
    [InlineData("Act No. 349/2023 Coll.", "act no.  349/2023 coll.", true)]
    [InlineData("Government Regulation No. 286/2024 Coll.", "Government Regulation No. 286/2024 Coll. amending Regulation No. 567/2006 Coll.", true)]
    [InlineData("Act No. 262/2006 Coll.", "Act No. 262/2006 Coll., section 111", true)]
    [InlineData("Act No. 34/2023 Coll.", "Act No. 349/2023 Coll.", false)]
    [InlineData("Act No. 349/2023 Coll.", "Act No. 349/2023 Coll.x", false)]
    [InlineData("Act No. 349/2023 Coll.", "Decree No. 349/2023 Coll.", false)]
    public void Match_when_equal_or_when_one_goes_on_after_the_other(string left, string right, bool matches)
    {
        LegalReferences.Matches(left, right).ShouldBe(matches);
        LegalReferences.Matches(right, left).ShouldBe(matches);
    }
}
