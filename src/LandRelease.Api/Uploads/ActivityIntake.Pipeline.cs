using LandRelease.Api.Access;
using LandRelease.Api.Activities;

namespace LandRelease.Api.Uploads;

internal sealed partial class ActivityIntake
{
    /// <summary>
    /// Checks each part, then writes it in the background while the next is read, converted and checked. A part that
    /// names a local id of the part being written waits for that write, so it sees the activity as it now stands.
    /// </summary>
    private sealed class Pipeline(ActivityIntake intake, ActivityRegister[] registers, UploadParameters parameters, UserScope user)
    {
        private Task<IReadOnlyList<FeatureOutcomeRow>>? _writing;
        private HashSet<string> _writingLocalIds = [];
        private int _turn;

        public List<FeatureOutcomeRow> Lines { get; } = [];

        public async Task SubmitAsync(List<Work> part, HashSet<string> localIds, CancellationToken ct)
        {
            if (part.Count == 0)
            {
                return;
            }

            if (_writingLocalIds.Overlaps(localIds))
            {
                await DrainAsync();
            }

            var register = registers[_turn++ % registers.Length];
            var inputs = part.Select(w => new ActivityInput(w.Request, AreaReference.FromFeature(w.Request, parameters.CountryCode))).ToList();
            var checkedPart = await intake.CheckPartAsync(register, part, inputs, parameters, user, ct);
            await DrainAsync();
            if (checkedPart is null)
            {
                // The checks failed: the part is recorded (or refused) the plain way, checks and write together.
                Lines.AddRange(await intake.RecordPartAsync(register, part, inputs, parameters, user, ct));
                return;
            }

            _writing = intake.WritePartAsync(register, part, inputs, checkedPart, parameters, user, ct);
            _writingLocalIds = localIds;
            if (registers.Length == 1)
            {
                await DrainAsync();
            }
        }

        /// <summary>Waits for the write under way, if any, whatever becomes of it.</summary>
        public async Task SettleAsync()
        {
            if (_writing is { } writing)
            {
                _writing = null;
                try
                {
                    await writing;
                }
                catch (Exception)
                {
                    // Its outcome is lost with the upload that failed; the part's own transaction holds it whole or not at all.
                }
            }
        }

        public async Task DrainAsync()
        {
            if (_writing is { } writing)
            {
                _writing = null;
                _writingLocalIds = [];
                Lines.AddRange(await writing);
            }
        }
    }
}
