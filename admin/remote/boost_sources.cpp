// Asio, its TLS support and Beast compiled once for exam-admin, with the same
// macros as exam-server's net/boost_sources.cpp: a program linking both (the
// tests) then takes one copy and the other is never pulled from its archive.
#include <boost/asio/impl/src.hpp>
#include <boost/asio/ssl/impl/src.hpp>
#include <boost/beast/src.hpp>
