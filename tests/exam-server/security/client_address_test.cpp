// Behind a balancer the client's address comes from X-Forwarded-For, but only
// when the connection is from a trusted proxy, and only the entry the proxy added.
#include <gtest/gtest.h>

#include "net/client_address.hpp"

using exam::net::client_address;

TEST(ClientAddress, ATrustedProxysLastForwardedAddressIsTheClient) {
    const std::vector<std::string> proxies{"127.0.0.1"};
    EXPECT_EQ(client_address("127.0.0.1", "203.0.113.9", proxies), "203.0.113.9");
    // A client that writes its own header gets it kept in front of the one the proxy adds.
    EXPECT_EQ(client_address("127.0.0.1", "10.9.9.9, 203.0.113.9", proxies), "203.0.113.9");
    EXPECT_EQ(client_address("127.0.0.1", "2001:db8::7", proxies), "2001:db8::7");
}

TEST(ClientAddress, AnyoneElsesHeaderIsIgnored) {
    const std::vector<std::string> proxies{"127.0.0.1"};
    EXPECT_EQ(client_address("198.51.100.4", "203.0.113.9", proxies), "198.51.100.4");
    EXPECT_EQ(client_address("127.0.0.1", "203.0.113.9", {}), "127.0.0.1");
    EXPECT_EQ(client_address("127.0.0.1", "", proxies), "127.0.0.1");
    EXPECT_EQ(client_address("127.0.0.1", "not an address", proxies), "127.0.0.1");
}
