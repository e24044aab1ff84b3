// aduanctl's administration commands: offices, units, categories,
// principals and their role bindings, tokens, the access log (role ADMIN).
#ifndef ADUAN_TOOLS_ADUANCTL_ADMIN_COMMANDS_H_
#define ADUAN_TOOLS_ADUANCTL_ADMIN_COMMANDS_H_

#include <vector>

#include "tools/aduanctl/command.h"

namespace aduan::ctl {

// Appends `offices …`, `units …`, `categories …`, `principals …`,
// `tokens …` and `access-log`.
void AddAdminCommands(std::vector<Command>& commands);

}  // namespace aduan::ctl

#endif  // ADUAN_TOOLS_ADUANCTL_ADMIN_COMMANDS_H_
