using LandRelease.Api.Access;
using LandRelease.Api.Activities;

namespace LandRelease.Api.Uploads;

internal sealed partial class ActivityIntake
{
    /// <summary>
    /// Checks each part, then writes it in the background while the next is read, converted and checked: up to one
    /// write per register but the one checking, each on its own connection. A part that names a local id of a part
    /// being written waits for those writes, so it sees the activity as it now stands.
    /// </summary>
    private sealed class Pipeline(ActivityIntake intake, ActivityRegister[] registers, UploadParameters parameters, UserScope user)
    {
        private sealed record Writing(Task<IReadOnlyList<FeatureOutcomeRow>> Task, HashSet<string> LocalIds);

        // Oldest first; the registers round-robin, so the next one's write is never among these.
        private readonly Queue<Writing> _writing = new();
        private int _turn;

        public List<FeatureOutcomeRow> Lines { get; } = [];

        public async Task SubmitAsync(List<Work> part, HashSet<string> localIds, CancellationToken ct)
        {
            if (part.Count == 0)
            {
                return;
            }

            if (_writing.Any(w => w.LocalIds.Overlaps(localIds)))
            {
                await DrainAsync();
            }

            var register = registers[_turn++ % registers.Length];
            var inputs = part.Select(w => new ActivityInput(w.Request, AreaReference.FromFeature(w.Request, parameters.CountryCode))).ToList();
            var checkedPart = await intake.CheckPartAsync(register, part, inputs, parameters, user, ct);
            if (checkedPart is null)
            {
                // The checks failed: the part is recorded (or refused) the plain way, checks and write together.
                await DrainAsync();
                Lines.AddRange(await intake.RecordPartAsync(register, part, inputs, parameters, user, ct));
                return;
            }

            while (_writing.Count >= registers.Length - 1 && _writing.Count > 0)
            {
                Lines.AddRange(await _writing.Dequeue().Task);
            }

            _writing.Enqueue(new Writing(intake.WritePartAsync(register, part, inputs, checkedPart, parameters, user, ct), localIds));
            if (registers.Length == 1)
            {
                await DrainAsync();
            }
        }

        /// <summary>Waits for the writes under way, if any, whatever becomes of them.</summary>
        public async Task SettleAsync()
        {
            while (_writing.TryDequeue(out var writing))
            {
                try
                {
                    await writing.Task;
                }
                catch (Exception)
                {
                    // Its outcome is lost with the upload that failed; the part's own transaction holds it whole or not at all.
                }
            }
        }

        public async Task DrainAsync()
        {
            while (_writing.TryDequeue(out var writing))
            {
                Lines.AddRange(await writing.Task);
            }
        }
    }
}
