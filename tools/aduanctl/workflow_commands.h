// aduanctl's complaint commands: the seven steps, the steps around them,
// reads, and attachments.
#ifndef ADUAN_TOOLS_ADUANCTL_WORKFLOW_COMMANDS_H_
#define ADUAN_TOOLS_ADUANCTL_WORKFLOW_COMMANDS_H_

#include <vector>

#include "tools/aduanctl/command.h"

namespace aduan::ctl {

// Appends submit, get, list, history, track, update, supplement, withdraw,
// reissue-pin, verify, report, dispose, decline, return-disposition, rework,
// start, note, resolve, inform, archive, archive-get, archive-verify, upload
// and download.
void AddWorkflowCommands(std::vector<Command>& commands);

}  // namespace aduan::ctl

#endif  // ADUAN_TOOLS_ADUANCTL_WORKFLOW_COMMANDS_H_
