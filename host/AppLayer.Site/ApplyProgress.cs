namespace AppLayer.Site;

/// <summary>Where an apply is: <see cref="Done"/> of <see cref="Total"/> updates, now <see cref="Phase"/> <see cref="Update"/>.</summary>
public sealed record ApplyProgress(int Done, int Total, string Update, string Phase);
