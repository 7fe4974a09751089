-- Run once by the postgres image on an empty data volume: one database per service (a service never reads another's tables).
CREATE DATABASE smsvending_gateway;
CREATE DATABASE smsvending_vending;
CREATE DATABASE smsvending_keyauthority;
