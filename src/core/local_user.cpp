#include "core/local_user.h"

#include <cstdlib>
#include <pwd.h>
#include <unistd.h>

namespace knotmap {

std::string localUserLogin() {
    // getpwuid may find no entry (a uid without a passwd line, as in some
    // containers); $USER is then the best word we have.
    if (const passwd* entry = ::getpwuid(::geteuid());
        entry != nullptr && entry->pw_name != nullptr && entry->pw_name[0] != '\0') {
        return entry->pw_name;
    }
    if (const char* user = std::getenv("USER"); user != nullptr && user[0] != '\0') {
        return user;
    }
    return "unknown";
}

} // namespace knotmap
