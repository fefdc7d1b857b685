// The one Catch2 main for all native tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
